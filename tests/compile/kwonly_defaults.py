def f(a, *, b, c=3, d=[1]):
    return a, b, c, d


def g(*, x=1, y):
    return x, y


def h(p, /, q=2, *, r):
    return p, q, r


print(f(1, b=2), g(y=5), h(1, r=3))
