match x:
    case {1: 1, True: 2}:
        pass
