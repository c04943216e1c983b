# The `__dict__` and `__weakref__` attributes `type_new` adds to a class
# whose best base lacks them, their descriptors, and the namespace order.
import _weakref


def layout(c):
    return [x for x in c.__dict__ if x in ("__dict__", "__weakref__")]


class Plain: pass
class FromSet(set): pass
class FromFloat(float): pass
class FromList(list): pass
class FromBytes(bytes): pass
class FromStr(str): pass
class FromIntAndPlain(int, Plain): pass
class Slotted: __slots__ = ("a",)
class AfterSlotted(Slotted): pass
class SlottedFirst(Slotted, Plain): pass
class SlottedSecond(Plain, Slotted): pass
class Error(Exception): pass
class Meta(type): pass
class Child(Plain): pass

for c in (Plain, FromSet, FromFloat, FromList, FromBytes, FromStr, FromIntAndPlain,
          Slotted, AfterSlotted, SlottedFirst, SlottedSecond, Error, Meta, Child):
    print(c.__name__, layout(c))

for bases, slots in [((Plain,), ("__dict__",)), ((int,), ("__weakref__",)),
                     ((Plain,), ("__weakref__",)), ((Exception,), ("__dict__",)),
                     ((Slotted,), ("__dict__",)), ((Slotted,), ("__weakref__", "b"))]:
    try:
        P = type("P", bases, {"__slots__": slots})
        print(layout(P), list(P.__dict__))
    except TypeError as e:
        print("TypeError:", e)


class Named:
    __name__ = "other"
    def __eq__(self, other): return True
print(list(Named.__dict__))


class Members:
    __slots__ = ("b", "a", "__weakref__")
    def __eq__(self, other): return NotImplemented
print(list(Members.__dict__))

n = Plain()
n.x = 1
d = Plain.__dict__["__dict__"]
print(d, d.__get__(n), d.__name__, d.__qualname__, d.__objclass__, type(d).__name__)
print(d.__get__(None, Plain) is d)
d.__set__(n, {"y": 2})
print(n.y, n.__dict__, vars(n))
del n.__dict__
print(n.__dict__)
for bad in (lambda: d.__get__(1), lambda: d.__set__(n, 1)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
n.z = 3
d.__delete__(n)
print(n.__dict__)
w = Plain.__dict__["__weakref__"]
print(w, w.__get__(n), w.__name__, w.__qualname__, w.__objclass__)
try:
    w.__set__(n, None)
except AttributeError as e:
    print("AttributeError:", e)
print(Plain.__weakref__ is w, n.__weakref__)
r = _weakref.ref(n)
print(r() is n)
print(Plain.__dict__ == vars(Plain), type(Plain.__dict__).__name__)

# Every name dir() lists is an attribute.
for key in dir(Plain):
    getattr(Plain, key)
for key in dir(n):
    getattr(n, key)
print(sorted(vars(Plain)))
