from typing import NamedTuple, TypedDict, Generic, TypeVar, Protocol, runtime_checkable, Optional, Union, List, Dict, Callable, Any, get_type_hints, Literal, cast, overload, Final, get_origin, get_args
import typing
class Emp(NamedTuple):
    name: str
    id: int = 3
e = Emp("x"); print(e, e._fields, Emp.__annotations__, e._asdict(), Emp._field_defaults)
class Movie(TypedDict, total=False):
    title: str
    year: int
m: Movie = {"title": "B"}; print(m, Movie.__required_keys__, sorted(Movie.__optional_keys__), Movie.__total__)
T = TypeVar("T")
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
s = Stack[int](); s.push(1); s.push(2); print(s.pop(), Stack[int], Stack.__parameters__, T)
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closer), isinstance(1, Closer))
print(Optional[int], Union[int, str], List[int], Dict[str, List[int]], Callable[[int], str], Literal["a", 1], Any)
print(get_origin(List[int]), get_args(Dict[str, int]), get_args(Optional[int]), int | None, list[int])
def f(a: int, b: "str" = "") -> Optional[float]: ...
print(get_type_hints(f), cast(int, "x"), typing.TYPE_CHECKING)
try:
    class P2(Protocol):
        def m(self): ...
    isinstance(1, P2)
except TypeError as e:
    print("TypeError:", e)
print(repr(typing.Tuple[int, ...]), typing.Set[int], typing.FrozenSet, typing.Iterable[str], typing.Sequence, typing.Type[int])
U = TypeVar("U", bound=int); print(U.__bound__, TypeVar("V", int, str).__constraints__)
print(Emp.__doc__, typing.NewType("UserId", int)(5), typing.NewType("UserId", int))
@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x): return x
print(g(1), typing.Annotated[int, "meta"], typing.ClassVar[int], Final[int])
