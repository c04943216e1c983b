# exec/eval with a locals mapping that is not a dict, annotations of classes
# and modules, and the argument errors of exec and eval.
import types


class LowerKeys:
    """A mapping that is not a dict: lower-cases the names it stores."""

    def __init__(self):
        self.data = {}

    def __setitem__(self, key, value):
        self.data[key.lower()] = value

    def __getitem__(self, key):
        return self.data[key]

    def __delitem__(self, key):
        del self.data[key]


ns = LowerKeys()
exec("Total = 3\nx: int = 1\nY: str\nz = total * 2\ndel z", {}, ns)
print(sorted(ns.data), ns.data["__annotations__"], ns.data["total"])


class Lookup:
    def __getitem__(self, key):
        if key == "q":
            return 7
        raise KeyError(key)


print(eval("q * 2", {}, Lookup()))
print(eval("len", {}, Lookup()))
try:
    eval("missing", {}, Lookup())
except NameError as e:
    print("NameError:", e)


class Recording(dict):
    def __setitem__(self, key, value):
        print("  set", key, value)
        super().__setitem__(key, value)


rec = Recording()
exec("a = 1\nb = a + 1", {}, rec)
print(dict(rec))

g = Recording(k=5)
exec("m = k * 3", g)
print(g["m"])

for f in (exec, eval):
    for args in (({}, 5), (5,), (None, 5), (Lookup(),)):
        try:
            f("1", *args)
        except TypeError as e:
            print(f.__name__, type(args[-1]).__name__, e)


class A:
    attr: int


class B(A):
    pass


print(B.__annotations__, A.__annotations__, "__annotations__" in B.__dict__)
B.__annotations__["extra"] = str
print(B.__annotations__, A.__annotations__)

m = types.ModuleType("m")
print(m.__annotations__, "__annotations__" in m.__dict__)
m.__annotations__ = {"a": 1}
print(m.__annotations__)
del m.__annotations__
print(m.__annotations__)
try:
    int.__annotations__
except AttributeError as e:
    print("AttributeError:", e)
