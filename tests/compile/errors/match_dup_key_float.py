match x:
    case {0: 1, -0.0: 2}:
        pass
