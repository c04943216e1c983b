def pos_only(a, b, /, c, *, d, e=5):
    return a, b, c, d, e


def defaults(a=1, b=[], *, c={}, d=None):
    return a, b, c, d


def star(*args):
    return args


def kw(**kwargs):
    return kwargs


print(pos_only(1, 2, 3, d=4), defaults(), star(1, 2), kw(a=1))
f = lambda a, /, b, *c, d=1, **e: (a, b, c, d, e)
print(f(1, 2, 3, d=4, z=5))
