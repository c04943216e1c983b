class K:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, K) and self.v == o.v
    def __hash__(self): return hash(self.v)
    def __repr__(self): return f"K({self.v})"
d = {K(1): "a", K(2): "b"}
print(d.get(K(1)), d.pop(K(2)), d, d.setdefault(K(1), "z"), d.setdefault(K(3), "c"), d)
del d[K(3)]; print(d, K(1) in d.keys(), d == {K(1): "a"}, dict.fromkeys([K(1), K(1), K(2)]))
d[K(1)] = "new"; print(d, len(d))
s = {K(1), K(2)}
print(s | {K(2), K(3)}, s & {K(1)}, s - {K(1)}, s ^ {K(2)}, {K(1)} <= s, s.issuperset([K(2)]), s == {K(2), K(1)}, s.isdisjoint({K(9)}))
s.add(K(1)); print(len(s)); s.update([K(2), K(4)]); print(len(s), K(4) in s)
s.intersection_update({K(4), K(1)}); print(sorted(s, key=lambda k: k.v))
fs = frozenset([K(5)]); print(K(5) in fs, fs | {K(5)})
l = [K(1), K(2)]; print(l.count(K(1)), K(2) in l, l == [K(1), K(2)], (K(1),) == (K(1),), [K(1)] != [K(2)])
print(list({K(1): 1}.items()) == [(K(1), 1)])
try:
    d[K(99)]
except KeyError as e:
    print("KeyError", e)
try:
    s.remove(K(99))
except KeyError as e:
    print("KeyError", e)
