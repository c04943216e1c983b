# PEP 560: __mro_entries__ of class bases that are not classes.
class Base:
    pass


class Entry:
    def __init__(self, *bases):
        self.bases = bases

    def __mro_entries__(self, bases):
        print("mro_entries", len(bases))
        return self.bases


class C(Entry(Base), int):
    pass

print(C.__bases__, C.__orig_bases__, C.__mro__)
print("__orig_bases__" in C.__dict__, "__orig_bases__" in Base.__dict__)


class D(Entry()):
    pass

print(D.__bases__, D.__orig_bases__)


class E(Entry(Base, object)):
    x = 1

print(E.__bases__, E.x)


class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta", name, bases, sorted(k for k in ns if not k.startswith("__") or k == "__orig_bases__"), kw)
        return super().__new__(mcls, name, bases, ns)

    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, bases)
        return {}


class F(Entry(Base), metaclass=Meta, flag=True):
    pass

print(type(F), F.__orig_bases__)


class BadTuple:
    def __mro_entries__(self, bases):
        return [Base]


class NotCallable:
    __mro_entries__ = 5


def bad_tuple():
    class G(BadTuple()):
        pass


def not_callable():
    class G(NotCallable()):
        pass


def int_base():
    class G(1):
        pass


def object_and_int():
    class G(object, 1):
        pass


def entry_of_int():
    class G(Entry(1)):
        pass


for case in [bad_tuple, not_callable, int_base, object_and_int, entry_of_int,
             lambda: type('G', (1,), {}), lambda: type('G', (Entry(Base),), {})]:
    try:
        case()
    except TypeError as e:
        print("TypeError:", e)


class Raises:
    def __mro_entries__(self, bases):
        raise ValueError("no entries")


try:
    class H(Raises()):
        pass
except ValueError as e:
    print("ValueError:", e)
