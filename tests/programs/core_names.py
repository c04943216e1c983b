# NameError.name, AttributeError.name / .obj, and their keyword arguments.
try:
    undefined_x
except NameError as e:
    print(repr(e.name), e.args)


def f():
    return missing_local


try:
    f()
except NameError as e:
    print("in function:", e.name)


class C:
    foo = 1

    def __getattr__(self, name):
        if name == "dyn":
            return 42
        raise AttributeError("custom " + name)


c = C()
print(c.dyn)
try:
    c.bar
except AttributeError as e:
    print(repr(e.name), type(e.obj).__name__, e)
try:
    (1).zzz
except AttributeError as e:
    print(repr(e.name), e.obj)
try:
    C.nothing
except AttributeError as e:
    print(repr(e.name), e.obj.__name__)
try:
    getattr([], "nope")
except AttributeError as e:
    print(e.name, e.obj)
import math

try:
    math.nope
except AttributeError as e:
    print(e.name, e.obj.__name__)
e = AttributeError("x", name="n", obj=5)
print(e.name, e.obj, e.args)
e = NameError("x", name="q")
print(e.name, e.args)
print(NameError("x").name, AttributeError().obj)
e.name = "changed"
print(e.name)
for bad in [lambda: NameError(obj=1), lambda: AttributeError(other=1)]:
    try:
        bad()
    except TypeError as err:
        print(err)


class MyAttr(AttributeError):
    pass


m = MyAttr("m", name="nm")
print(m.name, m.obj)
