# Pickling bound methods, builtin class and static methods, singletons,
# and the refusals of object.__reduce_ex__ for objects holding native state.
import copy
import operator
import pickle
import types


class Pie:
    def __init__(self, n):
        self.n = n

    def slices(self, k=1):
        return self.n * k

    @classmethod
    def make(cls, n):
        return cls(n)

    @staticmethod
    def plain():
        return "plain"


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    m = Pie(3).slices
    u = pickle.loads(pickle.dumps(m, proto))
    print(proto, type(u).__name__, u(), u(2))
    u = pickle.loads(pickle.dumps(Pie.make, proto))
    print(proto, u(5).n)
    for meth, args in [
        ("abcd".index, ("c",)),
        ([1, 2, 3].__len__, ()),
        ({1, 2}.__contains__, (2,)),
        (dict.fromkeys, ("ab", 0)),
        (bytearray.maketrans, (b"abc", b"xyz")),
        (bytes.maketrans, (b"a", b"b")),
        (str.maketrans, ("a", "b")),
        (int.from_bytes, (b"\x01\x02", "big")),
    ]:
        u = pickle.loads(pickle.dumps(meth, proto))
        print(proto, meth.__qualname__, u(*args) == meth(*args))
    for v in (..., NotImplemented, None, slice(1, 5, 2), types.SimpleNamespace(a=1)):
        u = pickle.loads(pickle.dumps(v, proto))
        print(proto, repr(u), u == v)

print(Pie(2).slices.__reduce__()[1][1])
print([].append.__reduce__()[0].__name__)
print(bytearray.maketrans.__qualname__, bytearray.maketrans.__module__,
      bytearray.maketrans.__self__)
print(bytearray.maketrans.__reduce__())
print((...).__reduce__(), NotImplemented.__reduce__())
print(repr(bytearray.__dict__["maketrans"])[:28])
print(type(bytearray.__dict__["maketrans"]).__name__)
print(slice(1, 2).__reduce__())
print(types.SimpleNamespace(x=1).__reduce__())

sm = staticmethod(Pie.plain)
cm = classmethod(Pie.slices)
for proto in (0, 2, 4):
    for i, obj in enumerate((sm, cm, Pie.__dict__["plain"], dict.__dict__["fromkeys"],
                             bytearray.__dict__["maketrans"], property(), types,
                             types.MappingProxyType({}), (x for x in ()), memoryview(b"ab"),
                             Pie.slices.__code__)):
        show(f"{proto} {i}", lambda: pickle.dumps(obj, proto))
show("copy sm", lambda: copy.copy(sm))
show("copy module", lambda: copy.copy(types))
print(copy.copy(slice(1, 2)), copy.deepcopy(None), copy.copy(...))

# operator's callables reduce to their class and arguments
for g in (operator.itemgetter(1), operator.itemgetter(0, 2), operator.attrgetter("n"),
          operator.attrgetter("n", "slices.__name__"), operator.methodcaller("slices"),
          operator.methodcaller("slices", 4), operator.methodcaller("slices", k=5)):
    r = g.__reduce__()
    print(repr(g), type(r[0]).__name__, r[1])
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        u = pickle.loads(pickle.dumps(g, proto))
        print(proto, repr(u), u(Pie(7)) if "getter" not in repr(g) or "attr" in repr(g)
              else u([10, 11, 12]))
    c = copy.copy(g)
    print(repr(c), repr(copy.deepcopy(g)))
