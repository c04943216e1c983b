import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
print(list(reversed(Color)))
import enum
class E(enum.IntEnum):
    A = 1
print(format(E), str(E), f"{E}", "{}".format(E))
class NewPerm(enum.IntFlag):
    R = 1 << 2
    W = 1 << 1
print(format(NewPerm.R, ''), str(NewPerm.R), format(NewPerm.R | NewPerm.W), f"{NewPerm.R:>5}")
