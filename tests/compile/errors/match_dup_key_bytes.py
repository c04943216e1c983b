match x:
    case {b"k": 1, "k": 2, b"k": 3}:
        pass
