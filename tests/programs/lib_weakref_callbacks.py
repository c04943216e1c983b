import weakref, gc, sys
class A:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"A({self.n})"
a = A(1)
r1 = weakref.ref(a, lambda r: print("cb1"))
r2 = weakref.ref(a, lambda r: print("cb2"))
r3 = weakref.ref(a)
p = weakref.proxy(a, lambda p: print("proxy cb"))
print(weakref.getweakrefcount(a))
a = None
print("dead", r1(), r3())
# cycle
b = A(2); b.self = b
rb = weakref.ref(b, lambda r: print("cycle cb", r))
del b
print("before collect")
gc.collect()
print("after collect")
# __del__ then callback
class D:
    def __del__(self): print("del D")
d = D(); rd = weakref.ref(d, lambda r: print("cb D", r() is None))
del d
# error in callback
def bad(r): raise KeyError("boom")
e = A(3); re_ = weakref.ref(e, bad)
del e
sys.stderr.flush()
# finalize
def fin(*a, **k): print("fin", a, k); return 42
o = A(4)
f = weakref.finalize(o, fin, 1, x=2)
print(f.alive, f.peek()[1:])
del o
print(f.alive)
o2 = A(5); f2 = weakref.finalize(o2, fin, "manual")
print(f2(), f2(), f2.alive)
o3 = A(6); f3 = weakref.finalize(o3, fin, "detach"); print(f3.detach()[1:]); del o3
o4 = A(7); f4 = weakref.finalize(o4, fin, "atexit")
# weak dicts
wv = weakref.WeakValueDictionary()
objs = [A(i) for i in range(5)]
for o in objs: wv[o.n] = o
print(sorted(wv.keys()))
del objs[1:3]
print(sorted(wv.keys()))
wk = weakref.WeakKeyDictionary()
ks = [A(i) for i in range(3)]
for k in ks: wk[k] = k.n * 10
print(len(wk), sorted(wk.values()))
ks.pop()
print(len(wk), sorted(wk.values()))
ws = weakref.WeakSet(ks)
print(len(ws)); ks.clear(); print(len(ws))
# WeakMethod
class M:
    def meth(self): return "m"
m = M(); wm = weakref.WeakMethod(m.meth, lambda r: print("wm dead"))
print(wm()()); del m; print(wm())
print("end")
