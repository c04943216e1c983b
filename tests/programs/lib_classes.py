import copy
import dis
import types


class NS(dict):
    def __setitem__(self, k, v):
        print("set", k)
        super().__setitem__(k, v)

    def __getitem__(self, k):
        print("get", k)
        return super().__getitem__(k)

    def __delitem__(self, k):
        print("del", k)
        super().__delitem__(k)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return NS()

    def __new__(mcls, name, bases, ns, **kw):
        print(type(ns).__name__, sorted(ns), kw)
        return super().__new__(mcls, name, bases, dict(ns))

    def __iter__(cls):
        return iter([1, 2, 3])

    def __len__(cls):
        return 3

    def __repr__(cls):
        return "<Meta " + cls.__name__ + ">"


class C(metaclass=Meta, flag=1):
    x = 1
    y = x + 1
    z = len
    del x


print(C.y, list(C), len(C), 2 in C, C, [C])
a, b, c = C
print(a, b, c)
D = type("D", (C,), {"w": 5})
print(D, D.w)


class P:
    def __init__(self):
        self._v = 0

    @property
    def v(self):
        "the value"
        return self._v

    @v.setter
    def v(self, value):
        self._v = value


p = P()
p.v = 4
print(p.v, P.v.__doc__, P.v.fget.__name__, P.v.fset is not None, P.v.fdel)
P.v.__doc__ = "changed"
print(P.v.__doc__)
print(hasattr(P.v, "__get__"), hasattr(P.v, "__set__"), P.v.__get__(p, P))
P.v.__set__(p, 9)
print(p.v, P.__dict__["v"].__get__(p))
try:
    property().__set__(p, 1)
except AttributeError as e:
    print("AttributeError:", e)


class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y


q = copy.copy(Pt(1, 2))
print(q.x, q.y, type(q).__name__)
r = Pt(3, 4).__reduce_ex__(2)
print(r[0].__name__, r[1][0].__name__, r[2])
mp = types.MappingProxyType({"a": 1})
print(mp["a"], len(mp), list(mp), "a" in mp)
print(dis.opname[100], dis.Instruction.opname.__doc__)
print({}.update(C.__dict__) is None, None.__doc__)
class M(type):
    @classmethod
    def __prepare__(m, n, b):
        return 5
try:
    class C(metaclass=M):
        x = 1
except TypeError as e:
    print(e)
class L:
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): print("set", k); self.d[k] = v
class M2(type):
    @classmethod
    def __prepare__(m, n, b):
        return L()
    def __new__(m, n, b, ns):
        return super().__new__(m, n, b, ns.d)
class D(metaclass=M2):
    a = 1
    b = a + len("xy")
print(D.b)
try:
    type("X", (), L())
except TypeError as e:
    print(e)
