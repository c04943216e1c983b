# f(**mapping) with mappings that are not dicts: keys() and __getitem__, CPython's errors.
class M:
    def keys(self): return ["a", "b"]
    def __getitem__(self, k): return k.upper()
def f(**kw): return kw
def g(a, b): return a + b
print(f(**M()), g(**M()), f(x=1, **M()), dict(**M()))
class NoKeys:
    pass
for bad in [lambda: f(**NoKeys()), lambda: f(**[1]), lambda: f(a=1, **M()), lambda: f(**{"a": 1}, **M()), lambda: f(**{1: 2})]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
class BadKeys:
    def keys(self): return [1]
    def __getitem__(self, k): return k
try:
    f(**BadKeys())
except TypeError as e:
    print("TypeError:", e)


class A:
    def m(self, **kw):
        return kw
    def __str__(self):
        return "A-instance"
class M:
    def keys(self): return ["a"]
    def __getitem__(self, k): return 1
print(A().m(**M()))
for c in [lambda: A().m(**1), lambda: A().m(a=2, **M()), lambda: dict(**M(), a=3), lambda: A.m(A(), **None)]:
    try:
        c()
    except TypeError as e:
        print("TypeError:", e)
class KE:
    def keys(self): return ["q"]
    def __getitem__(self, k): raise KeyError("inner")
class AE:
    def keys(self): raise AttributeError("inner")
class VE:
    def keys(self): raise ValueError("boom")
def f(**kw): return kw
for m in [AE(), VE(), KE()]:
    try:
        f(**m)
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
