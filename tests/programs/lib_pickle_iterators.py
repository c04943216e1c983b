# Builtin iterators under pickle and copy: __reduce__, __setstate__,
# partly consumed and exhausted iterators, at every protocol.
import copy
import pickle


def show_reduce(it):
    f, args, *state = it.__reduce__()
    name = getattr(f, "__name__", f)
    shown = []
    for a in args:
        shown.append(type(a).__name__ if type(a).__name__.endswith("iterator") else repr(a))
    print(" ", type(it).__name__, name, shown, state)


def sources():
    d = {1: "a", 2: "b", 3: "c"}
    return [
        ("list", lambda: iter([1, 2, 3])),
        ("tuple", lambda: iter((1, 2, 3))),
        ("range", lambda: iter(range(1, 10, 3))),
        ("str", lambda: iter("abc")),
        ("str-nonascii", lambda: iter("aé€")),
        ("bytes", lambda: iter(b"xyz")),
        ("bytearray", lambda: iter(bytearray(b"xyz"))),
        ("dict", lambda: iter(d)),
        ("dict-values", lambda: iter(d.values())),
        ("dict-items", lambda: iter(d.items())),
        ("dict-reversed", lambda: reversed(d)),
        ("dict-items-reversed", lambda: reversed(d.items())),
        ("set", lambda: iter({4, 5, 6})),
        ("frozenset", lambda: iter(frozenset({7}))),
        ("reversed-list", lambda: reversed([1, 2, 3])),
        ("reversed-tuple", lambda: reversed((1, 2, 3))),
        ("reversed-str", lambda: reversed("abc")),
        ("reversed-range", lambda: reversed(range(4))),
        ("enumerate", lambda: enumerate("abc", 10)),
        ("zip", lambda: zip("abc", [1, 2, 3])),
        ("zip-strict", lambda: zip("abc", [1, 2, 3], strict=True)),
        ("map", lambda: map(abs, [-1, -2, -3])),
        ("filter", lambda: filter(None, [0, 1, 0, 2, 3])),
    ]


print("reduce")
for name, make in sources():
    it = make()
    next(it)
    show_reduce(it)
    list(it)
    show_reduce(it)

print("round trips")
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for name, make in sources():
        it = make()
        next(it)
        back = pickle.loads(pickle.dumps(it, proto))
        kind = type(back).__name__
        print(proto, name, kind, list(back), list(copy.copy(it)), list(it))
        done = pickle.loads(pickle.dumps(it, proto))
        assert list(done) == [], name

print("setstate")
it = iter([1, 2, 3])
it.__setstate__(-5)
print(list(it))
it = iter([1, 2, 3])
it.__setstate__(7)
print(list(it), it.__reduce__()[1:])
it = reversed([1, 2, 3])
it.__setstate__(-7)
print(it.__reduce__()[1:], list(it))
it = iter(range(2, 8, 2))
it.__setstate__(2)
print(list(it), it.__length_hint__())
it = iter("héllo")
it.__setstate__(3)
print(list(it))
for bad in ("a", 2 ** 70, 1.5):
    try:
        iter([1]).__setstate__(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    iter(range(3)).__setstate__("a")
except TypeError as e:
    print(e)
z = zip("a", "b")
z.__setstate__(1)
print(z.__reduce__()[2:])
print(hasattr(iter([]), "__setstate__"), hasattr(iter({}), "__setstate__"))
try:
    iter(memoryview(b"ab")).__reduce__()
except TypeError as e:
    print(e)


class Seq:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i * 10

    def __len__(self):
        return 3


it = iter(Seq())
next(it)
print(it.__reduce__()[2:], list(it), it.__reduce__()[1:])
it = reversed(Seq())
next(it)
print(type(it).__name__, it.__reduce__()[2:], list(it), it.__reduce__()[1:])
print(type(reversed((1, 2))) is reversed)
