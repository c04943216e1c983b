match x:
    case Point(a, y=a):
        pass
