class P:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, o):
        return isinstance(o, P) and (self.x, self.y) == (o.x, o.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"P({self.x}, {self.y})"


d = {P(1, 2): "a"}
d[P(3, 4)] = "b"
d[P(1, 2)] = "c"
print(d, len(d), d[P(3, 4)], P(1, 2) in d, P(9, 9) in d, d.get(P(3, 4)), d.get(P(0, 0), "none"))
del d[P(1, 2)]
print(d)
s = {P(0, 0), P(0, 0), P(1, 1)}
print(len(s), P(1, 1) in s)
s.add(P(1, 1))
s.add(P(2, 2))
print(len(s), sorted(s, key=lambda p: p.x))
print(len(set([P(5, 5), P(5, 5), P(6, 6)])))
print(len({p: 1 for p in [P(1, 1), P(1, 1)]}), len({P(7, 7) for _ in range(3)}))
print([P(1, 2), P(3, 4)].index(P(3, 4)) if False else "skip", P(1, 2) in [P(0, 0), P(1, 2)])


class Ident:
    pass


a, b = Ident(), Ident()
m = {a: 1, b: 2}
print(m[a], m[b], a in m, Ident() in m, hash(a) == hash(a))


class Unhashable:
    __hash__ = None


try:
    {Unhashable(): 1}
except TypeError as e:
    print(e)
