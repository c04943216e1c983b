# PEP 646 on builtin generic aliases: `*tuple[int]` is a starred alias, and
# substitution spreads fixed-length unpacked tuples and packs a
# TypeVarTuple's share of the arguments.
import pickle
from typing import Generic, Tuple, TypeVar, TypeVarTuple

T = TypeVar("T")
T1 = TypeVar("T1")
T2 = TypeVar("T2")
Ts = TypeVarTuple("Ts")

star = next(iter(tuple[int, str]))
print(star, star.__unpacked__, star.__typing_unpacked_tuple_args__)
print([*tuple[int]], [*list[int]][0].__typing_unpacked_tuple_args__)
print(star == next(iter(tuple[int, str])), star == tuple[int, str])
print(pickle.loads(pickle.dumps(star)) == star, type(iter(list[int])).__name__)
it = iter(list[int])
print(next(it), list(it), it.__reduce__()[1])


class C(Generic[*Ts]):
    pass


cases = [
    ("list[T]", "[*tuple[int]]"),
    ("dict[T1, T2]", "[*tuple[int, str]]"),
    ("dict[T1, T2]", "[int, *tuple[str]]"),
    ("dict[T1, T2]", "[*tuple[()], *tuple[int, str]]"),
    ("tuple[*Ts]", "[*tuple[int]]"),
    ("tuple[*Ts]", "[int, *tuple[str, ...], bool]"),
    ("tuple[T, *Ts]", "[*tuple[int, ...]]"),
    ("tuple[T, *Ts]", "[*tuple[int, ...], str]"),
    ("tuple[*Ts, T]", "[int, str, bool]"),
    ("tuple[list[T], *Ts]", "[int, str]"),
    ("C[*Ts]", "[*tuple[*Ts]]"),
    ("C[T, *Ts]", "[()]"),
    ("Tuple[*Ts]", "[*tuple[int]]"),
    ("tuple[T1, *Ts, T2]", "[int]"),
    ("list[T]", "[int, str]"),
    ("tuple[*Ts]", "[*tuple[int, ...], *tuple[str, ...]]"),
]
for alias, args in cases:
    try:
        print(alias + args, "->", eval(alias + args))
    except TypeError as e:
        print(alias + args, "-> TypeError:", e)
