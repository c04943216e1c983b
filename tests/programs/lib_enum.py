import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


print(Color.RED)
print(repr(Color.GREEN))
print(Color(3), Color["RED"], Color.RED.name, Color.RED.value)
print(list(Color))
print(len(Color), Color.RED in Color)
print(Color.RED is Color(1), Color.RED == 1)
for c in Color:
    print(c.name, c.value)


class Auto(Enum):
    A = auto()
    B = auto()
    C = auto()


print([m.value for m in Auto])


class Num(IntEnum):
    ONE = 1
    TWO = 2


print(Num.ONE + Num.TWO, Num.TWO > Num.ONE, Num(2), repr(Num.ONE), int(Num.TWO))
print(sorted([Num.TWO, Num.ONE]))
print(f"{Num.ONE}", str(Num.TWO), format(Num.TWO, "03d"))


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()


rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, rw.value)
print(Perm(0), bool(Perm(0)), ~Perm.R)
print(list(rw))


class Bits(IntFlag):
    A = 1
    B = 2


print(Bits.A | Bits.B, Bits.A | 4, int(Bits.B), Bits(3))


class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    MARS = (6.42e23, 3.39e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def ratio(self):
        return self.mass / self.radius


print(Planet.EARTH.mass, Planet.MARS.radius, round(Planet.EARTH.ratio))


class Alias(Enum):
    X = 1
    Y = 1


print(Alias.Y, Alias.Y is Alias.X, list(Alias), list(Alias.__members__))

try:

    @unique
    class Dup(Enum):
        P = 1
        Q = 1

except ValueError as e:
    print("ValueError:", e)

try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)

try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError:", e)

Shape = Enum("Shape", "CIRCLE SQUARE")
print(list(Shape), Shape.SQUARE.value)
print(isinstance(Color.RED, Color), type(Color.RED).__name__, type(Color).__name__)
print(Color.__members__.keys())
print(hash(Color.RED) == hash(Color.RED), {Color.RED: 1}[Color.RED])

from enum import StrEnum


class S(StrEnum):
    A = "a"
    B = "b"


print(S.A, S.A == "a", S.A.upper(), repr(S.B))


class F(IntFlag):
    X = 1
    Y = 2


print(F.X | F.Y, repr(F.X | F.Y), F(0), ~F.X)


class E(Enum):
    A = 1

    def describe(self):
        return f"{self.name}={self.value}"

    @classmethod
    def first(cls):
        return next(iter(cls))


print(E.A.describe(), E.first(), E._missing_(5), E.A.__class__, Color)
