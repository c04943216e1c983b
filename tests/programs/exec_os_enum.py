# enum (imported from the standard library's source) on the VM's class machinery.
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = enum.auto()
    BLUE = "b"


print(Color.RED, repr(Color.GREEN), list(Color), Color(1), Color["BLUE"], len(Color))
print(Color.RED.name, Color.RED.value, Color.GREEN.value, Color.RED is Color(1))


class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


print(Perm.R | Perm.W, int(Perm.R | Perm.X), Perm.W in (Perm.R | Perm.W))


class Num(enum.IntEnum):
    ONE = 1
    TWO = 2


print(Num.TWO + 1, Num.ONE < Num.TWO, sorted([Num.TWO, Num.ONE]))
try:
    Color(7)
except ValueError as e:
    print(e)
print(None.__doc__, property().__doc__)
