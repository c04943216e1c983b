# Paths sped up for speed must keep their semantics: tuple hashing with
# items that hash in Python, tuple subclasses, builtin-class attribute
# lookups (cached), and special methods of builtin/native classes called
# without a bound method.
import collections
from array import array


class Key:
    def __init__(self, k):
        self.k = k

    def __hash__(self):
        return self.k * 7

    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k


class EqOnly:
    def __eq__(self, other):
        return True


Pair = collections.namedtuple("Pair", "a b")

# Tuples nest to any depth; each item hashes as hash() would.
t1 = (1, (2, (Key(3), "x")), Pair(Key(4), (5, 6)))
t2 = (1, (2, (Key(3), "x")), Pair(Key(4), (5, 6)))
print(hash(t1) == hash(t2), t1 == t2)
print(hash((1, 2, 3)) == hash((1, 2, 3)), hash(()) == hash(()))
print(hash((1, 2.5, True, (3, -1), ())))
print(hash(Pair(1, 2)) == hash((1, 2)))
d = {t1: "found"}
print(d[t2], t2 in d, (1, (2, (Key(3), "y"))) in d)
print(hash(Pair(Key(2), 0)) == hash((Key(2), 0)))
for bad in [(1, [2]), (1, (2, {3: 4})), (Key(1), EqOnly()), Pair(1, [])]:
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError:", e)


class TupleSub(tuple):
    pass


class TupleEq(tuple):
    def __eq__(self, other):
        return tuple.__eq__(self, other)


class TupleHash(tuple):
    def __hash__(self):
        return 42


print(hash(TupleSub((Key(1), 2))) == hash((Key(1), 2)))
print(hash(TupleHash((1, 2))))
try:
    hash(TupleEq((1, 2)))
except TypeError as e:
    print("TypeError:", e)
print({TupleSub((Key(5),)): 1}[(Key(5),)])

# Builtin classes: attribute lookups answer the same every time.
print(int.__add__ is int.__add__, int.__doc__ == int.__doc__)
print(type.__name__, object.__name__, list.append.__name__)
for t in (int, str, list, dict, type, object, BaseException, ValueError):
    print(t.__name__, t.__mro__[-1].__name__, callable(getattr(t, "__repr__")))
try:
    int.nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    int.nope = 1
except TypeError as e:
    print("TypeError:", e)


class Meta(type):
    pass


class C(metaclass=Meta):
    x = 5


print(C.x, C.__name__, type(C).__name__, Meta.mro is type.mro)
C.x = 6
print(C.x)


# Special methods of native classes reached through a subclass.
class Arr(array):
    pass


a = Arr("d", [1.0, 2.0, 3.0])
a[1] = 5.5
print(a[1], len(a), a[-1], 2.0 in a, a == Arr("d", [1.0, 5.5, 3.0]))
try:
    a[10]
except IndexError as e:
    print("IndexError:", e)


class DequeSub(collections.deque):
    pass


q = DequeSub([1, 2, 3])
print(q[0], q[-1], len(q), 2 in q)
q[0] = 9
print(list(q))


# Class attributes: descriptors bind with no instance; a metaclass's data
# descriptor wins over the class's own entry; names of type's methods
# defined on the class win over type's.
class Desc:
    def __get__(self, obj, owner):
        return ("get", obj, owner.__name__)


class MetaProp(type):
    @property
    def shadow(cls):
        return "meta property"

    def mro(cls):
        return type.mro(cls)


class D(metaclass=MetaProp):
    shadow = "class entry"
    plain = 1


class E:
    d = Desc()
    cm = classmethod(lambda c: c.__name__)
    sm = staticmethod(lambda: "static")
    prop = property(lambda self: 1)

    def f(self):
        return 2

    def mro(self):
        return "own mro"


print(E.d, E.cm(), E.sm(), type(E.prop).__name__, E.f(E()), E.f.__name__)
print(E.mro(None), D.shadow, D.plain, D.mro()[0].__name__)
try:
    E.missing
except AttributeError as e:
    print("AttributeError:", e)
print(int.from_bytes(b"\x01\x00", "little"), str.join("-", "ab"), dict.fromkeys("ab"))
