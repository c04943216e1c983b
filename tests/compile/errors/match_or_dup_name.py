match x:
    case [a, (1 | a)]:
        pass
