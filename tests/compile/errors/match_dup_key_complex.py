match x:
    case {1+0j: 1, 1: 2}:
        pass
