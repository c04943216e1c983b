f = lambda a, b=1, *c, d, e=2, **g: (a, b, c, d, e, g)
print(f(0, d=5))
g = lambda *, k=3: k
h = lambda x, /, y: x - y
print(g(), h(5, 2))
