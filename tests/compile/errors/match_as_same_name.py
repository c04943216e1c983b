match x:
    case [1, (a as a)]:
        pass
