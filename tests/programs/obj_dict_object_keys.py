class StrSub(str): pass
class IntSub(int): pass
d = {'a': 1, 2: 'two'}
print(d[StrSub('a')], StrSub('a') in d, d.get(IntSub(2)), d.pop(StrSub('a')), d)
s = {'a', 3}
print(StrSub('a') in s, IntSub(3) in s, s == {StrSub('a'), IntSub(3)})
s.discard(StrSub('a')); print(s)
class Key:
    def __init__(self, k): self.k = k
    def __hash__(self): return hash(self.k)
    def __eq__(self, o): return o == self.k or isinstance(o, Key) and o.k == self.k
d = {Key('x'): 1}
print(d.get('x'), 'x' in d, d['x'])
d['x'] = 2
print(len(d), list(d.values()))
print({Key('y')} - {'y'}, frozenset({Key('z')}) == frozenset({'z'}))
g = {}
g[StrSub('name')] = 5
print(g['name'], dict(g), {**g})
