class Matrix:
    def __init__(self, rows): self.rows = [list(r) for r in rows]
    def __getitem__(self, idx):
        if isinstance(idx, tuple):
            r, c = idx
            return self.rows[r][c]
        return self.rows[idx]
    def __setitem__(self, idx, v):
        r, c = idx
        self.rows[r][c] = v
    def __delitem__(self, r): del self.rows[r]
    def __len__(self): return len(self.rows)
    def __matmul__(self, o):
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in zip(*o.rows)] for r in self.rows])
    def __eq__(self, o): return self.rows == o.rows
    def __repr__(self): return f"Matrix({self.rows})"
    def __format__(self, spec): return "M" + spec
    def __contains__(self, v): return any(v in r for r in self.rows)
m = Matrix([[1, 2], [3, 4]])
print(m[0], m[1, 0], len(m), m @ m, 4 in m, 9 in m, f"{m:xyz}", format(m, "q"))
m[0, 0] = 9; print(m); del m[1]; print(m, m == Matrix([[9, 2]]))
class Sliceable:
    def __getitem__(self, k): return k
s = Sliceable()
print(s[1], s[1:2], s[::2], s[1:2, 3], s[...], s["k"])
class Num:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
    def __int__(self): return self.v
    def __float__(self): return float(self.v) + 0.5
    def __round__(self, n=None): return "rounded"
    def __radd__(self, o): return f"radd {o}"
    def __iadd__(self, o): self.v += o; return self
    def __lt__(self, o): return self.v < o
    def __str__(self): return f"Num<{self.v}>"
n = Num(3)
print([10, 20, 30, 40][n], bin(n), hex(n), int(n), float(n), round(n), 5 + n, "abc"[Num(1)], list(range(Num(4))))
n += 4; print(n, n < 10, 2 > n)
class Base:
    def __init_subclass__(cls, tag="none", **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class Child(Base, tag="child"): pass
class Plain(Base): pass
print(Child.tag, Plain.tag)
class Registry:
    items = []
    def __class_getitem__(cls, k): return f"Registry[{k}]"
print(Registry[int])
class Desc:
    def __set_name__(self, owner, name): self.name = "_" + name
    def __get__(self, obj, typ=None):
        if obj is None: return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, v): setattr(obj, self.name, v * 2)
class UsesDesc:
    d = Desc()
u = UsesDesc(); print(u.d); u.d = 5; print(u.d, type(UsesDesc.d).__name__)
class Proxy:
    def __init__(self, target): object.__setattr__(self, "_t", target)
    def __getattr__(self, name): return getattr(self._t, name)
    def __setattr__(self, name, v): print("set", name)
    def __delattr__(self, name): print("del", name)
p = Proxy([1, 2]); p.append(3); print(p._t, p.count(1)); p.x = 1; del p.y
class Bag:
    def __init__(self): self.items = {}
    def __missing__(self, k): return 0
class DD(dict):
    def __missing__(self, k): return f"missing {k}"
dd = DD(a=1); print(dd["a"], dd["b"], len(dd), isinstance(dd, dict))
class MyList(list):
    def sum(self): return sum(self)
ml = MyList([1, 2, 3]); ml.append(4); print(ml, ml.sum(), len(ml), ml[1:], type(ml[1:]).__name__, type(ml).__name__)
class MyStr(str):
    def shout(self): return self.upper() + "!"
ms = MyStr("hey"); print(ms.shout(), ms + "x", len(ms), ms == "hey", repr(ms))
class MyInt(int):
    def __repr__(self): return f"MyInt({int(self)})"
mi = MyInt(5); print(mi + 1, repr(mi), mi * 2, type(mi + 1).__name__, isinstance(mi, int))
class Hashy:
    def __init__(self, k): self.k = k
    def __hash__(self): return hash(self.k)
    def __eq__(self, o): return isinstance(o, Hashy) and self.k == o.k
print(len({Hashy(1), Hashy(1), Hashy(2)}), Hashy(1) in {Hashy(1): 0}, {Hashy(3): "x"}.get(Hashy(3)))
class Cmp:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return NotImplemented
print(Cmp(1) == Cmp(1), Cmp(1) != Cmp(1), Cmp(1) == 1)
class Reversible:
    def __reversed__(self): return iter([3, 2, 1])
    def __len__(self): return 3
print(list(reversed(Reversible())), bool(Reversible()))
class Truth:
    def __len__(self): return 0
print(bool(Truth()), not Truth(), "yes" if Truth() else "no")
class Ctx:
    def __enter__(self): return "resource"
    def __exit__(self, *a): print("exit args", a); return False
with Ctx() as r: print(r)
print(object().__class__.__name__, type(type).__name__, type(None).__name__, type(print).__name__, type(len).__name__)
print(repr(object)[:14], str(int), repr(Matrix)[:17], Matrix.__module__)
print(hasattr(m, "rows"), getattr(m, "rows"), setattr(m, "z", 1), m.z, delattr(m, "z"), hasattr(m, "z"))
print(dir(Num)[-3:] if False else "dir skipped", Num.__dict__["__index__"].__name__, "rows" in vars(m))
