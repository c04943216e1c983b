# reversed() over every builtin sequence kind, views, and the types that refuse it.
import array
import collections

for x in [
    [1, 2, 3], (1, 2), "abc", range(1, 10, 3), b"xyz", bytearray(b"ab"),
    memoryview(b"ab"),
    {1: "a", 2: "b"}, {1: "a"}.keys(), {1: "a", 2: "b"}.values(),
    {1: "a", 2: "b"}.items(), collections.deque([1, 2]),
    collections.OrderedDict(a=1, b=2), array.array("d", [1.5, 2.5]),
]:
    print(type(x).__name__, list(reversed(x)))

ba = bytearray(b"abc")
it = reversed(ba)
ba[0] = ord("z")
print(bytes(reversed(ba)), list(it))
for x in [[1], (1,), b"a", bytearray(b"a"), "a", range(1), {}, {}.items()]:
    print(type(reversed(x)).__name__)


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10


class NoRev(Seq):
    __reversed__ = None


print(list(reversed(Seq())))
for x in [{1, 2}, frozenset(), 5, None, NoRev(), iter([1])]:
    try:
        reversed(x)
    except TypeError as e:
        print(e)

# Iterator types, and bytearray iterators that see changes made meanwhile.
for x in [b"a", bytearray(b"a"), memoryview(b"a"), {1}, frozenset(), "a", "é"]:
    print(type(iter(x)).__name__)
ba = bytearray(b"abc")
out = []
for i, c in enumerate(ba):
    out.append(c)
    if i == 0:
        ba[2] = ord("Z")
        ba.append(ord("!"))
print(out)
rit = reversed(bytearray(b"xy"))
print(next(rit), list(rit), list(rit))
print(list(reversed(range(0))), list(reversed(range(5, -7, -4))), list(reversed(range(10**6, 10**6 + 3))))
print(list(reversed("añ€😀")), "".join(reversed("straße")))
d = {"a": 1, "b": 2}
it = reversed(d)
print(next(it))
d["c"] = 3
try:
    next(it)
except RuntimeError as e:
    print(e)
s = {1, 2}
it = iter(s)
next(it)
s.add(3)
try:
    next(it)
except RuntimeError as e:
    print(e)
