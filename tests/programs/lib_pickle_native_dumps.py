# _pickle.dumps: the exact bytes of every protocol for the builtin types,
# shared and recursive objects, globals, reduce values and large frames.
import _pickle
import collections
import datetime
import fractions
import hashlib
import pickle

print(pickle.Pickler is _pickle.Pickler, pickle.dumps is _pickle.dumps)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = "two"


class KwNew:
    def __new__(cls, *, n):
        o = super().__new__(cls)
        o.n = n
        return o

    def __getnewargs_ex__(self):
        return (), {"n": self.n}


shared = "shared"
rec_list = [1]
rec_list.append(rec_list)
rec_dict = {}
rec_dict["self"] = rec_dict
rec_tuple = ([],)
rec_tuple[0].append(rec_tuple)

objects = [
    None, True, False, 0, 1, -1, 255, 256, 65535, 65536, 2**31 - 1, -(2**31),
    2**31, -(2**31) - 1, 2**63, -(2**64), 2**1000, 1.5, -0.0, float("inf"),
    1e300, "", "abc", "a\\b\n\u1234\U00012345\x00\r\x1a", "\udcff", b"",
    b"abc", b"\x80\xff", bytearray(b"xy"), bytearray(), (), (1,), (1, 2),
    (1, 2, 3), (1, 2, 3, 4), [], [1], [1, 2], list(range(1500)), {}, {1: 2},
    {"a": 1, "b": [2]}, set(), {1, 2, 3}, frozenset(), frozenset({1, "a"}),
    len, int, type(None), type(Ellipsis), type(NotImplemented), Ellipsis,
    NotImplemented, collections.OrderedDict(a=1), collections.deque([1, 2]),
    collections.defaultdict(list, {1: [2]}), datetime.date(2020, 1, 2),
    fractions.Fraction(1, 3), 3 + 4j, range(5), slice(1, 2), ValueError("x"),
    Point(1, [2]), Slotted(), KwNew(n=3), [shared, shared, (shared,)],
    rec_list, rec_dict, rec_tuple, ["x" * 70000], b"y" * 70000,
    {i: str(i) for i in range(1200)}, set(range(1100)),
]

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for o in objects:
        if isinstance(o, Slotted) and proto < 2:
            continue  # copyreg refuses __slots__ without __getstate__
        data = pickle.dumps(o, proto)
        digest = hashlib.sha256(data).hexdigest()[:16]
        shown = data if len(data) <= 70 else data[:40] + b"..."
        print(proto, type(o).__name__, len(data), digest, shown)
