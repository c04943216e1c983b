# A class may not be both a sequence and a mapping for pattern matching.
from collections.abc import Collection, Mapping, Sequence

try:

    class Both(Collection):
        __abc_tpflags__ = Sequence.__flags__ | Mapping.__flags__

except TypeError as e:
    print("TypeError:", e)


class Seq(Collection):
    __abc_tpflags__ = 1 << 5

    def __len__(self):
        return 0

    def __iter__(self):
        return iter(())

    def __contains__(self, x):
        return False


print("__abc_tpflags__" in Seq.__dict__)
match Seq():
    case [*rest]:
        print("sequence", rest)
    case _:
        print("other")

# The first class along the MRO with a flag decides; registering sets it.
import collections
import types


def kind(x):
    match x:
        case [*_]:
            return "seq"
        case {}:
            return "map"
        case _:
            return "other"


class C:
    pass


class M1(collections.UserDict, collections.abc.Sequence):
    pass


class M3(collections.UserDict, C, list):
    pass


class S4(collections.UserList, dict, C):
    pass


class R:
    pass


class RSub(R):
    pass


collections.abc.Mapping.register(R)


class RLater(R):
    pass


print(kind(M1()), kind(M3()), kind(S4()), kind(R()), kind(RSub()), kind(RLater()))
print(kind(types.MappingProxyType({})), kind(collections.deque()), kind("ab"), kind(b"ab"))
print(M1.__flags__ & 96, M3.__flags__ & 96, S4.__flags__ & 96, R.__flags__ & 96, RLater.__flags__ & 96)
