# Property errors name the class by __qualname__; a classmethod wrapping a
# property binds it to the class; type's setters refuse deletions.


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class Outer:
    class Inner:
        p = property()
        q = property(lambda self: 1)

    anon = property()


i = Outer.Inner()
show(lambda: i.p)
show(lambda: setattr(i, "p", 1))
show(lambda: delattr(i, "q"))
show(lambda: Outer.Inner.__dict__["q"].__set__(i, 2))
show(lambda: property.__delete__(Outer.Inner.__dict__["p"], i))
show(lambda: Outer.anon.__get__(1))
show(lambda: property().__get__(i))


class A:
    "plain doc"

    @classmethod
    @property
    def cp(cls):
        return "cp of " + cls.__name__

    @classmethod
    @classmethod
    def cc(cls):
        return cls


class B(A):
    pass


print(A.cp, B.cp, B().cp, A.cc() is A)


class NotBool:
    def __bool__(self):
        raise ValueError("no truth")


def f(self):
    pass


f.__isabstractmethod__ = NotBool()
show(lambda: property(f).__isabstractmethod__)
f.__isabstractmethod__ = [1]
print(property(f).__isabstractmethod__, property(fset=f).__isabstractmethod__)


class X:
    "x doc"


for n in ("__doc__", "__module__", "__name__", "__bases__", "__qualname__"):
    show(lambda: delattr(X, n))
print(X.__doc__, X.__module__, X.__name__)
X.__doc__ = "new"
print(X.__doc__)
show(lambda: type.__dict__["__doc__"].__delete__(X))
show(lambda: type.__dict__["__doc__"].__set__(list, "x"))
