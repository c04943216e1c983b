# The descriptor protocol on the classes of the builtin descriptors:
# property/classmethod/staticmethod expose __get__/__set__/__delete__ as slot
# wrappers, and subclasses keep their own behaviour.


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


def has(t, *names):
    return [n for n in names if hasattr(t, n)]


for t in (property, classmethod, staticmethod, type(lambda: 0), type(str.join),
          type(object.__init__)):
    print(t.__name__, has(t, "__get__", "__set__", "__delete__", "__call__"))

print(property.__dict__["__get__"], property.__dict__["__set__"],
      property.__dict__["__delete__"])
print(classmethod.__dict__["__get__"], staticmethod.__dict__["__get__"],
      staticmethod.__dict__["__call__"])
print(property.__dict__["getter"], property.__dict__["__set_name__"])
for k in ("fget", "fset", "fdel", "__doc__", "__isabstractmethod__"):
    print(k, property.__dict__[k])
for t in (classmethod, staticmethod):
    for k in ("__func__", "__wrapped__", "__isabstractmethod__", "__dict__"):
        print(t.__name__, k, t.__dict__[k])


class A:
    def __init__(self):
        self._x = 1

    def getx(self):
        return self._x

    def setx(self, v):
        self._x = v

    def delx(self):
        del self._x

    x = property(getx, setx, delx, "the x")
    ro = property(getx)

    @classmethod
    def cm(cls):
        return cls.__name__

    @staticmethod
    def sm(a, b=2):
        return a + b


a = A()
p = A.__dict__["x"]
print(property.__get__(p, a, A), p.__get__(a), property.__get__(p, None, A) is p)
property.__set__(p, a, 5)
print(a.x)
p.__set__(a, 6)
print(a._x)
property.__delete__(p, a)
print(hasattr(a, "_x"))
a._x = 1
ro = A.__dict__["ro"]
show(lambda: ro.__set__(a, 1))
show(lambda: property.__delete__(ro, a))
show(lambda: property.__get__(property(), a))
show(lambda: property.__get__(p))
show(lambda: property.__get__(p, None))
show(lambda: property.__get__(p, None, None))
show(lambda: property.__get__(p, 1, 2, 3))
show(lambda: property.__set__(p, a))
show(lambda: property.__delete__(p))
show(lambda: property.__get__(1, a))
show(lambda: property.__set__(1, a, 2))
print(property.fget.__get__(p) is A.getx, property.__doc__ is not None)
print(type(p).fset.__get__(p, property) is A.setx)
print(property.__isabstractmethod__.__get__(p))

cm = A.__dict__["cm"]
print(classmethod.__get__(cm, None, A)(), cm.__get__(a)(), cm.__get__(None, A)())
show(lambda: classmethod.__get__(cm, None, None))
sm = A.__dict__["sm"]
print(staticmethod.__get__(sm, a)(1), sm.__get__(None, A)(3, 4))
print(staticmethod.__call__(sm, 10), sm(1, b=5))
print(classmethod.__func__.__get__(cm) is cm.__func__,
      staticmethod.__wrapped__.__get__(sm) is sm.__func__)

f = A.__dict__["getx"]
print(type(f).__get__(f, a)(), type(f).__get__(f, None, A) is f)
print(type(str.join).__get__(str.join, "-")(["a", "b"]))
print(property.getter(p, A.getx).fget is A.getx)
q = property()
q.__set_name__(A, "q")
show(lambda: q.__get__(a))
show(lambda: q.__set_name__(A))


# A subclass that does not override the protocol methods inherits them.
class P(property):
    pass


class B:
    v = P(lambda self: "got", lambda self, val: print("set", val))
    w = P(lambda self: "w")


b = B()
print(b.v, B.__dict__["v"].__get__(b), P.__get__ is property.__get__)
b.v = 3
B.__dict__["v"].__set__(b, 4)
show(lambda: setattr(b, "w", 1))
show(lambda: B.__dict__["w"].__set__(b, 1))
print(isinstance(B.__dict__["v"], property), type(B.__dict__["v"]).__name__)


# A subclass overriding __get__ keeps its own.
class Q(property):
    def __get__(self, obj, owner=None):
        return ("Q", obj is None)

    def __set__(self, obj, val):
        print("Q set", val)


class C:
    z = Q(lambda self: 1)


c = C()
print(c.z, C.z, C.__dict__["z"].__get__(c))
c.z = 9
print(property.__get__(C.__dict__["z"], c), Q.__get__ is property.__get__)


# A subclass overriding only __set__.
class R(property):
    def __set__(self, obj, val):
        print("R set", val)


class D:
    r = R(lambda self: "r")


d = D()
d.r = 1
print(d.r, D.r is D.__dict__["r"])


class CM(classmethod):
    pass


class SM(staticmethod):
    pass


class E:
    c = CM(lambda cls: cls.__name__)
    s = SM(lambda: "s")


print(E.c(), E().c(), E.s(), CM.__get__(E.__dict__["c"], None, E)(),
      SM.__get__(E.__dict__["s"], 1)())
