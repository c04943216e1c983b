import _weakref
from _weakref import ref, proxy, getweakrefcount, getweakrefs
class C: pass
c = C(); r = ref(c); p = proxy(c)
print(r() is c, type(r), ref, ref.__name__, type(p), r is ref(c), getweakrefcount(c), getweakrefs(c)[0] is r, r.__callback__)
def f(): return 5
print(proxy(f)(), type(proxy(f)), ref(f)() is f)
c.x = 1; print(p.x); p.y = 2; print(c.y, p == c, str(p)[:10])
def check(g):
    try:
        print(g())
    except Exception as e:
        print(type(e).__name__, e)
check(lambda: hash(p))
print(hash(r) == hash(c), r == ref(c))
del c
print(r(), repr(r)[-6:])
check(lambda: p.x)
for o in [1, 'a', [], {}, (), None]:
    check(lambda: ref(o))
class D:
    def __init__(self): self.items = [1, 2]
    def __len__(self): return 2
    def __getitem__(self, i): return self.items[i]
d = D(); pd = proxy(d); print(len(pd), pd[1], list(pd), 2 in pd)
x = {}
class K: pass
k = K(); x['a'] = ref(k); del k
_weakref._remove_dead_weakref(x, 'a'); print(x)
class R(ref):
    pass
k2 = K(); rr = R(k2); print(type(rr).__name__, rr() is k2, rr is ref(k2))
