class K:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, K) and self.v == o.v
    def __hash__(self): return hash(self.v)
    def __repr__(self): return f"K({self.v})"
print(hash((K(1), 2)) == hash((1, 2)), hash((K(1), (K(2),))) == hash((1, (2,))))
d = {(K(1), "a"): 10}
print(d[(K(1), "a")], (K(1), "a") in d, d.get((K(2), "a"), "none"))
s = {(K(1),), (K(1),), (K(2),)}
print(len(s), (K(2),) in s)
grid = {}
for x in range(3):
    for y in range(2):
        grid[(K(x), K(y))] = x * y
print(grid[(K(2), K(1))], len(grid))
