from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError, InitVar, make_dataclass, is_dataclass
from typing import List, ClassVar
@dataclass(order=True)
class Item:
    sort_index: float = field(init=False, repr=False)
    name: str
    price: float = 0.0
    tags: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0
    def __post_init__(self):
        self.sort_index = self.price
a = Item("apple", 1.5); b = Item("bread", 0.5, ["x"])
print(a, b, a < b, sorted([a, b]), a == Item("apple", 1.5), asdict(b), astuple(a))
print(replace(a, price=9), [f.name for f in fields(Item)], is_dataclass(a), Item.__match_args__)
@dataclass(frozen=True)
class P:
    x: int
    y: int = 0
p = P(1, 2); print(p, hash(p) == hash(P(1, 2)), {p})
try:
    p.x = 5
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e:
    print("ValueError:", e)
@dataclass
class WithInit:
    x: int
    scale: InitVar[int] = 2
    def __post_init__(self, scale):
        self.x *= scale
print(WithInit(3), WithInit(3, 10))
D = make_dataclass("D", [("a", int), ("b", str, field(default="z"))])
print(D(1), D.__name__)
@dataclass(eq=False, repr=True)
class N:
    v: int = field(default=5, compare=False, metadata={"unit": "m"})
print(N(), N() == N(), fields(N)[0].metadata["unit"], repr(fields(N)[0])[:30])
@dataclass(kw_only=True)
class K:
    a: int
    b: int = 2
print(K(a=1))
try:
    K(1)
except TypeError as e:
    print("TypeError:", e)
@dataclass(slots=True)
class S:
    a: int
print(S(1), S.__slots__)
try:
    Item()
except TypeError as e:
    print("TypeError:", e)
