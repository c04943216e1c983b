# typing at run time: generics, special forms, NamedTuple, TypedDict, Protocol, hints.
import typing
from typing import (TypeVar, Generic, Optional, Union, List, Dict, Tuple, Callable, Any,
                    NamedTuple, TypedDict, Protocol, runtime_checkable, Literal, Final,
                    overload, cast, get_origin, get_args, Annotated, get_type_hints, ClassVar, Set, FrozenSet, Iterable, Iterator, Sequence, Mapping, Type)

T = TypeVar("T")
K = TypeVar("K", bound=int)
S = TypeVar("S", str, bytes)
print(T, K, S, T.__name__, K.__bound__, S.__constraints__)

class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item
    def get(self) -> T:
        return self.item

b = Box[int](3)
print(b.get(), Box.__parameters__, Box[int], Box.__orig_bases__, Box.__mro__)
print(b.__orig_class__)

print(Optional[int], Union[int, str], Union[int, None, str], List[int], Dict[str, int])
print(Tuple[int, ...], Tuple[()], Callable[[int, str], bool], Callable[..., Any])
print(List, Dict, Optional[List[Dict[str, int]]])
print(get_origin(List[int]), get_args(Dict[str, int]), get_args(Optional[int]))
print(get_origin(Literal[1, 2]), get_args(Literal["a", 1]), Literal[1, "x"])
print(Annotated[int, "meta"], get_args(Annotated[int, "m", 3]), get_origin(Annotated[int, "x"]))
print(Union[int, int], Union[int], Union[int, Union[str, float]])
print(Union[int, str] == Union[str, int], List[int] == List[int], hash(List[int]) == hash(List[int]))

class P(NamedTuple):
    x: int
    y: float = 1.5

p = P(1)
print(p, p.x, p.y, p._fields, P._field_defaults, p._replace(x=5), p._asdict())
Q = NamedTuple("Q", [("a", int), ("b", str)])
print(Q(1, "z"), Q.__annotations__)

class Movie(TypedDict):
    name: str
    year: int

class Movie2(Movie, total=False):
    rating: float

m: Movie = {"name": "x", "year": 1}
print(m, Movie.__required_keys__, Movie2.__optional_keys__, Movie2.__total__, Movie.__annotations__)
M3 = TypedDict("M3", {"a": int})
print(M3(a=1), M3.__annotations__)

@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...

class F:
    def close(self): pass

print(isinstance(F(), Closable), isinstance(3, Closable), issubclass(F, Closable))

class Proto2(Protocol):
    def meth(self) -> int: ...
try:
    isinstance(F(), Proto2)
except TypeError as e:
    print("TypeError", e)

MAX: Final = 10
print(MAX, Final[int], ClassVar[int])

@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x):
    return x
print(f(1), f("a"))
try:
    typing.get_overloads
    print(len(typing.get_overloads(f)))
except AttributeError:
    pass
print(cast(int, "x"), cast("List[int]", 5))

def g(a: int, b: "str" = "x", *args: List[int], c: Optional[int] = None) -> Dict[str, int]:
    return {}
print(get_type_hints(g))
class C:
    x: int
    y: "List[str]"
    z: ClassVar[int] = 3
print(get_type_hints(C))
print(typing.TYPE_CHECKING, Any, typing.NoReturn, typing.Never if hasattr(typing, "Never") else None)
print(Type[int], Set[int], FrozenSet[str], Iterable[int], Iterator[str], Sequence[int], Mapping[str, int])

class Pair(Generic[K, T]):
    pass
print(Pair[int, str], Pair[K, int].__parameters__)
class Sub(Box[int]):
    pass
print(Sub.__orig_bases__, Sub.__bases__, Sub(4).get())
try:
    Box[int, str]
except TypeError as e:
    print("TypeError", e)
try:
    Generic[int]
except TypeError as e:
    print("TypeError", e)
print(typing.NewType("UserId", int), typing.NewType("UserId", int)(5))
print(typing.LiteralString, typing.TypeAlias, typing.ParamSpec("P"), typing.AnyStr)

T2 = TypeVar("T2")
class Node(Generic[T2]):
    def __init__(self, v: T2, nxt: "Optional[Node[T2]]" = None):
        self.v, self.nxt = v, nxt
print(get_type_hints(Node.__init__), Node[str].__origin__ is Node, get_args(Node[str]))
print(typing.Callable[[int], str].__args__, get_origin(typing.Callable[[int], str]), get_args(typing.Callable[[int], str]))
print(typing.Optional[list[int]], Union[list[int], None], get_args(list[int] | None), get_origin(int | str))
print(typing.Iterable[list[int]], isinstance([], typing.Iterable), isinstance(3, typing.Sized), issubclass(list, typing.Sequence))
try:
    isinstance([], List[int])
except TypeError as e:
    print("TypeError", e)
print(dict[str, T][int], List[T][str], Dict[str, T].__parameters__)
print(typing.assert_never.__name__, typing.reveal_type(5))
@typing.final
class Fin: pass
print(Fin.__final__, typing.no_type_check(lambda: 1)())
