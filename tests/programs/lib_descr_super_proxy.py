# super objects as descriptors and their own attributes, __call__ of the
# builtin callables, number slot wrappers, mappingproxy over any mapping.


def attempt(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print("ok", r)


# An unbound super stored on the class binds when read through an instance.
class A:
    def meth(self, a):
        return "A(%r)" % a
class B(A):
    def meth(self, a):
        return "B(%r)" % a + self.__super.meth(a)
B._B__super = super(B)
class C(B):
    def meth(self, a):
        return "C(%r)" % a + self.__super.meth(a)
C._C__super = super(C)
print(C().meth(3))
s = super(B)
print(s.__get__(None, B) is s, s.__thisclass__ is B, s.__self__, s.__self_class__)
c = C()
bound = s.__get__(c, C)
print(bound.__self__ is c, bound.__self_class__ is C, bound.meth(1))
print(bound.__get__(C()) is bound)

# super(type, obj) with a proxy whose __class__ is a subclass.
class P:
    def f(self):
        return "P.f"
class Q(P):
    def f(self):
        return super(Q, self).f() + "->Q.f"
class Proxy:
    def __init__(self, obj):
        self.__obj = obj
    @property
    def __class__(self):
        return self.__obj.__class__
    def __getattr__(self, name):
        return getattr(self.__obj, name)
print(Q.__dict__["f"](Proxy(Q())))
attempt(super, Q, 42)

# super().__prepare__ style class-level super: the metaclass path.
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["made_by"] = "Meta"
        return super().__new__(mcls, name, bases, ns)
class M(metaclass=Meta):
    pass
print(M.made_by)

# __call__ of functions, methods, builtins and static methods.
def f(a, b=2):
    return (a, b)
print(f.__call__(1), f.__call__(a=5, b=6), f.__call__.__call__(7))
print(A().meth.__call__(4), len.__call__("abc"), [3, 1].__len__.__call__())
print(staticmethod(f).__call__(9), "__call__" in dir(f))

# The number slot wrappers.
print((1).__bool__(), (0).__bool__(), (0.0).__bool__(), (2j).__bool__(), None.__bool__())
print((2.7).__int__(), (3).__float__(), True.__index__(), (5).__index__())
print(hasattr(1.5, "__index__"), hasattr("x", "__bool__"))
class I(int):
    pass
print(int.__bool__(I(0)), I(7).__float__(), float.__int__(-2.5))

# A str subclass names a slot.
class S(str):
    pass
class Slotted:
    __slots__ = [S("x")]
o = Slotted()
o.x = 1
print(o.x, type(Slotted.__dict__["x"]).__name__)

# mappingproxy: any mapping, its overrides included; | but not |=.
import collections
class Missing(dict):
    def __missing__(self, key):
        return "missing=%s" % key
mp = type(type.__dict__)
view = mp(Missing(x=1))
print(view["x"], view["y"], view.get("y"), "y" in view)
class Custom(dict):
    def __contains__(self, key):
        return key == "magic" or dict.__contains__(self, key)
    def __len__(self):
        return 500
    def keys(self):
        return "keys"
view = mp(Custom(key=1))
print("magic" in view, "key" in view, "xxx" in view, len(view), view.keys())
cm = collections.ChainMap({"x": 1}, {"y": 2})
view = mp(cm)
print(view == cm, sorted(view), view["y"], len(view), type(view.copy()).__name__)
for bad in (10, ("a", "tuple"), ["a", "list"]):
    attempt(mp, bad)
d = {"a": 1, "b": 2, "foo": 0, "c": 3}
view = mp(d)
del d["foo"]
print(list(reversed(view)))
print(view | {"c": 9, "p": 0}, {"c": 9, "p": 0} | view)
attempt(lambda: view | [("r", 2)])
attempt(lambda: [("r", 2)] | view)
def ior():
    v = view
    v |= {"z": 1}
attempt(ior)
print(view.__or__({"q": 1}), view, sorted(set(dir(view)) - set(dir(object()))))
