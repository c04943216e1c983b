class C:
    f = lambda self: 1
    g = staticmethod(lambda: 2)
    items = {k: (lambda k=k: k) for k in 'ab'}


print(C().f(), C.g(), C.items['a']())
