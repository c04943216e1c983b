from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.RED), Color(2), Color["BLUE"], Color.RED.name, Color.RED.value, list(Color), len(Color))
print(Color.RED is Color(1), Color.RED == 1, Color.GREEN in Color, [c.name for c in Color], Color.__members__.keys())
class Pr(IntEnum):
    LOW = auto()
    HIGH = auto()
print(Pr.LOW, repr(Pr.HIGH), Pr.LOW < Pr.HIGH, Pr.HIGH + 1, int(Pr.HIGH), sorted([Pr.HIGH, Pr.LOW]), f"{Pr.LOW}")
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, rw & Perm.R, ~Perm.R, Perm(0), bool(Perm(0)), list(rw), rw.value)
class IF(IntFlag):
    A = 1
    B = 2
    C = 4
print(IF.A | IF.C, repr(IF.A | 8), IF(3), IF.A | 2, int(IF.B | IF.C))
class S(StrEnum):
    A = auto()
    B = "bee"
print(S.A, repr(S.B), S.A == "a", S.B.upper())
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PURPLE"]
except KeyError as e:
    print("KeyError:", e)
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass; self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, round(Planet.EARTH.gravity, 3), Planet.MERCURY.mass)
class Shape(Enum):
    SQUARE = 2
    ALIAS = 2
    def describe(self):
        return f"{self.name} has value {self.value}"
    @classmethod
    def default(cls):
        return cls.SQUARE
print(Shape.ALIAS, Shape.default().describe(), list(Shape), Shape.__members__)
Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, Enum("X", [("a", 5)]).a)
print(format(Color.RED), f"{Color.BLUE!s} {Color.BLUE!r}", str(Pr.LOW), hash(Color.RED) == hash(Color.RED), type(Color.RED).__name__)
match Color.GREEN:
    case Color.RED: print("r")
    case Color.GREEN: print("g")
