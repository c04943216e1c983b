class K:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, K) and self.v == o.v
    __hash__ = None
class Bag:
    def __init__(self, *xs): self.xs = xs
    def __iter__(self): return iter(self.xs)
class Idx:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return K(i)
print(K(2) in Bag(K(1), K(2)), K(5) in Bag(K(1)), K(1) in Idx(), K(7) in Idx())
print(K(1) in iter([K(1)]), K(1) in (x for x in [K(1)]), K(1) in map(lambda x: x, [K(1)]))
print([K(1), K(2)].index(K(2)), list(filter(lambda k: k == K(1), [K(1), K(3)]))[0].v)
try:
    hash(K(1))
except TypeError as e:
    print(e)
try:
    {K(1)}
except TypeError as e:
    print(e)
