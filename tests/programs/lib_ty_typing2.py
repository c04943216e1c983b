# More typing at run time: ParamSpec, protocols with data members, NamedTuple methods, hints.
import typing
from typing import *
import collections.abc as cabc

P = ParamSpec("P")
R = TypeVar("R")
def deco(f: Callable[P, R]) -> Callable[P, R]:
    return f
@deco
def add(a: int, b: int) -> int: return a + b
print(add(1, 2), Callable[P, R], Callable[Concatenate[int, P], R])

class Stack(Generic[T := TypeVar("T")] if False else Generic[TypeVar("T")]):
    pass
print(Stack.__parameters__)

@runtime_checkable
class HasX(Protocol):
    x: int
class WithX:
    x = 1
print(isinstance(WithX(), HasX), isinstance(object(), HasX))

class Color(NamedTuple):
    r: int
    g: int = 0
    def total(self) -> int: return self.r + self.g
print(Color(1, 2).total(), Color._make([3, 4]), Color(5)._replace(g=1), Color.__doc__, Color._field_types if hasattr(Color, "_field_types") else "")
print(isinstance([], cabc.MutableSequence), issubclass(dict, cabc.MutableMapping), isinstance(iter([]), Iterator), isinstance((x for x in []), Generator))
print(List[int].__origin__, Dict[str, int].__args__, Union[int, str].__args__, Optional[int].__args__, get_origin(Callable[[int], str]))
print(typing.get_args(Callable[[int, str], bool]), typing.get_args(Tuple[int, ...]), typing.get_args(list[int]))
print(Literal["a"] == Literal["a"], Union[int, str] | None, int | Literal[1], Optional[Union[int, str]])
print(type(None) | int, typing.IO, typing.TextIO, typing.Pattern, typing.Match, typing.AnyStr)
def f(x: "Undefined") -> None: pass
try:
    get_type_hints(f)
except NameError as e:
    print("NameError", e)
print(get_type_hints(f, globalns={"Undefined": int}))
class Tree(TypedDict, total=False):
    value: int
    children: List["Tree"]
print(get_type_hints(Tree), Tree.__total__)
T = TypeVar("T")
def first(xs: Sequence[T]) -> T: return xs[0]
print(first([3]), first.__annotations__)
print(repr(typing.Any), typing.Any is typing.Any, str(List[Optional[int]]))
class A(Generic[T]):
    def meth(self) -> "A[T]": return self
print(A[int]().meth().__class__, A[int]().__orig_class__, A[int] == A[int], A[int] is A[int], hash(A[int]) == hash(A[int]))
print(typing.assert_type(3, int), typing.get_overloads is not None, typing.TypeGuard[int], typing.Unpack, typing.Required[int])
