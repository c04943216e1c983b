# classmethod and staticmethod objects have a __dict__ filled from the
# callable they wrap; slot wrappers bind only to their class's instances;
# data descriptors carry CPython's docs; re-initializing builtins.
import sys


def f():
    "f docstring"


cm = classmethod(f)
print(sorted(cm.__dict__.items()))
cm.x = 42
print(cm.x, sorted(cm.__dict__))
del cm.x
print(hasattr(cm, "x"))
try:
    cm.__code__
except AttributeError as e:
    print(e)
sm = staticmethod(None)
print(sm.__dict__)
sm.y = 1
print(sm.__dict__)
print(staticmethod(len).__dict__)
for name in ["__func__", "__wrapped__", "__isabstractmethod__"]:
    for op in ("set", "del"):
        try:
            if op == "set":
                setattr(cm, name, 1)
            else:
                delattr(cm, name)
        except Exception as e:
            print(name, op, type(e).__name__, e)
try:
    del cm.__dict__
except TypeError as e:
    print(e)
try:
    cm.__dict__ = 5
except TypeError as e:
    print(e)
cm.__dict__ = {"a": 1}
print(cm.__dict__, cm.a)
print(cm.__doc__[:30])


class MyCM(classmethod):
    pass


m = MyCM(f)
print(m.__dict__, m.__name__)
m.__doc__ = "x"
print(f.__doc__, m.__doc__)


class C:
    @MyCM
    def g(cls):
        return cls.__name__

    @staticmethod
    def h():
        "h doc"
        return 3


print(C.g(), C.h(), C.__dict__["h"].__doc__)


class A(int):
    __eq__ = str.__eq__
    __add__ = str.__add__


a = A()
for expr in (
    lambda: a == a,
    lambda: a + a,
    lambda: str.__eq__.__get__(1),
    lambda: A().__eq__,
):
    try:
        expr()
    except TypeError as e:
        print(e)
print(1 + A(), A(3) + 1 if False else "skip")

print(complex.real.__doc__)
print(int.real.__doc__, int.denominator.__doc__)


class D:
    __slots__ = ("p",)


class E:
    pass


print(D.p.__doc__, E.__dict__["__dict__"].__doc__, E.__dict__["__weakref__"].__doc__)

ba = bytearray(b"xyz")
bytearray.__init__(ba, "abc\xbd\u20ac", encoding="latin1", errors="replace")
print(ba)
ba.__init__(3)
print(ba)
ba.__init__()
print(ba)

ModuleType = type(sys)
mod = ModuleType.__new__(ModuleType)
print(repr(mod), mod.__dict__, hasattr(mod, "__name__"))
mod.foo = 1
print(mod.__dict__)
mod.__init__("abc", "doc")
print(mod, sorted(mod.__dict__))

e = Exception()
e.__dict__ = {"a": 1}
print(e.a, e.__dict__)
for bad in (None, 5):
    try:
        if bad is None:
            del e.__dict__
        else:
            e.__dict__ = bad
    except TypeError as err:
        print(err)


class S(str):
    pass


print((None, {S("spam"): 42}) == (None, {"spam": 42}), [{S("k")}] == [{"k"}])
