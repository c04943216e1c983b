# Native classes: which refuse new attributes, which may be subclassed, which
# take weak references; the type flags and layout figures CPython reports.
from _collections import deque, defaultdict
import _functools
import _operator
import itertools
import _weakref


def attempt(label, f):
    try:
        print(label, f())
    except (TypeError, AttributeError) as e:
        print(label, type(e).__name__, e)


def set_x(o):
    o.x = 1
    return o.x


for o in (deque(), itertools.count(), _operator.itemgetter(1), _functools.partial(print),
          defaultdict(int)):
    attempt(type(o).__name__ + " attr", lambda o=o: set_x(o))
    print(" has __dict__", hasattr(o, "__dict__"))
    attempt(" weakref", lambda o=o: type(_weakref.ref(o)).__name__)

for base in (deque, defaultdict, _functools.partial, itertools.chain):
    for slots in (("x", "__dict__"), ("x", "__weakref__")):
        def make(base=base, slots=slots):
            return type("Sub", (base,), {"__slots__": slots}).__name__
        attempt(f"{base.__name__} slots {slots}", make)

for final in (_operator.itemgetter, _operator.attrgetter, type(iter(deque())),
              itertools._grouper, itertools._tee):
    attempt(final.__name__ + " base", lambda final=final: type("X", (final,), {}))


class A:
    pass


class A2(A):
    pass


class S:
    __slots__ = ("x", "y")


class S2(S):
    __slots__ = ("z", "__weakref__")


class S3(S2):
    pass


class W:
    __slots__ = ("__weakref__",)


class DictOnly:
    __slots__ = ("__dict__",)


class I(int):
    pass


class T(tuple):
    pass


class E(Exception):
    pass


class E2(Exception):
    __slots__ = ("a",)


class L(list):
    pass


class F(float):
    pass


class Abstract:
    pass


Abstract.__abstractmethods__ = frozenset({"f"})

for t in (A, A2, S, S2, S3, W, DictOnly, I, T, E, E2, L, F, Abstract, int, object, type,
          dict, str, ValueError, type(None), bool, list):
    print(t.__name__, t.__flags__ & ~(1 << 19), t.__basicsize__, t.__itemsize__,
          t.__dictoffset__, t.__weakrefoffset__)
print("heap", [bool(t.__flags__ & (1 << 9)) for t in (deque, A, int)])
print("abstract", bool(Abstract.__flags__ & (1 << 20)), bool(A.__flags__ & (1 << 20)))
print("dict offset", [t.__dictoffset__ != 0 for t in (deque, _functools.partial)])
print("weakref offset", [t.__weakrefoffset__ != 0 for t in (deque, defaultdict)])
attempt("set flags", lambda: setattr(A, "__flags__", 0))


# deque details met on the way: iterators rebuilt from their reduce value,
# remove() seeing a mutation, a subclass instance's state.
class Popper:
    def __eq__(self, other):
        d.pop()
        return False


d = deque(["a", Popper(), "c"])
try:
    d.remove("c")
except IndexError as e:
    print("remove", e)
for kind in (iter, reversed):
    it = kind(deque("abcd"))
    next(it)
    cls, args = it.__reduce__()
    print(cls.__name__, args[1], list(cls(*args)), list(cls(deque("abc"), 9)))
attempt("iter type", lambda: type(iter(deque()))(1))
attempt("iter no args", lambda: type(iter(deque()))())


class D(deque):
    pass


sub = D([1, 2], 5)
sub.x = 3
r = sub.__reduce__()
print(r[0].__name__, r[1], r[2], list(r[3]))


class BadIter(deque):
    def __iter__(self):
        raise TypeError("no iterating")


attempt("reduce", lambda: BadIter("ab").__reduce__())
t = (1, 2)
s = "ab"
b = b"ab"
print(t * 1 is t, s * 1 is s, b * 1 is b, 1 * t is t)
