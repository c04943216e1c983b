def f(x):
    match x:
        case 1:
            return 'one'
        case other:
            return ('other', other)


def g(x):
    match x:
        case _:
            return 'always'


def h(x):
    match x:
        case [1, 2]:
            pass
        case _ if x:
            return 'truthy'
    return 'end'


print(f(1), f(2), g(3), h([1, 2]), h(5), h(0))
