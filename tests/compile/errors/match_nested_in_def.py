def f(x):
    match x:
        case 1:
            pass
        case [y]:
            pass
        case (y):
            pass
        case None:
            pass
