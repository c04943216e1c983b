# Class machinery that os.py's neighbours (enum, via re) rely on.


class RecordingDict(dict):
    def __init__(self):
        super().__init__()
        self.order = []

    def __setitem__(self, key, value):
        if not key.startswith("__"):
            self.order.append(key)
        super().__setitem__(key, value)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return RecordingDict()

    def __new__(mcls, name, bases, ns, **kw):
        print(type(ns).__name__, getattr(ns, "order", None))
        return super().__new__(mcls, name, bases, dict(ns))

    def __iter__(cls):
        return iter([k for k in vars(cls) if not k.startswith("__")])


class C(metaclass=Meta):
    b = 1
    a = 2

    def f(self):
        return 3


print(list(C), C().f())
x, y, z = C
print(x, y, z)
D = type("D", (C,), {"q": 1})
print(type(D).__name__, D.q, list(D))


class Mapping:
    def keys(self):
        return ["k1", "k2"]

    def __getitem__(self, k):
        return k.upper()


d = {}
d.update(Mapping())
d.update(vars(C))
print(d["k1"], d["k2"], "f" in d)
print("__new__" in int.__dict__, "__new__" in str.__dict__, "__new__" in dict.__dict__)


class P:
    def __init__(self):
        self.v = 5


r = P().__reduce_ex__(2)
print(len(r), r[1][0] is P, r[2])


class LenMeta(type):
    def __len__(cls):
        return 7


class L(metaclass=LenMeta):
    pass


print(len(L), None.__doc__)
