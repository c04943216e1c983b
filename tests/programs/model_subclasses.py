# type.__subclasses__(): live direct subclasses, in creation order, and
# type's own methods reached through `type` stay unbound.
import gc


class A:
    pass


class B(A):
    pass


class C(A):
    pass


class D(B, C):
    pass


def names(classes):
    return [c.__name__ for c in classes]


print(names(A.__subclasses__()), names(B.__subclasses__()), names(C.__subclasses__()))
print(D.__subclasses__())
E = type("E", (A,), {})
print(names(A.__subclasses__()))
del E
gc.collect()
print(names(A.__subclasses__()))


class MyInt(int):
    pass


print(bool in int.__subclasses__(), MyInt in int.__subclasses__(), bool.__subclasses__())


class MyArith(ArithmeticError):
    pass


print(ArithmeticError.__subclasses__())
print(BaseException.__subclasses__())
print(Exception.__subclasses__()[:5])


class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, names(Base.__subclasses__()))


class S1(Base):
    pass


class S2(Base):
    pass


def make_many():
    for i in range(300):
        class T(A):
            pass


make_many()
gc.collect()
print(len(A.__subclasses__()))

print(type.mro(int), type.__subclasses__(bool))


class Meta(type):
    def __new__(mcs, name, bases, ns):
        return type.__new__(mcs, name, bases, ns)


class X(metaclass=Meta):
    pass


print(Meta.mro(X), type.__call__(int, "5"), type.__subclasses__(Meta))
for bad in (lambda: type.__subclasses__(3), lambda: A.__subclasses__(1),
            lambda: A.__subclasses__(x=1), lambda: type.mro(),
            lambda: Meta.__subclasses__()):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
