match x:
    case Point(a=1, b=2, a=3):
        pass
