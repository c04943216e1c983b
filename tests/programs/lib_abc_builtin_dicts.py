# collections.abc's structural checks look in the builtin classes' dicts.
from collections.abc import Callable, Hashable, Iterable, Sized, Container, Sequence

print(isinstance(len, Callable), isinstance(lambda: 0, Callable), isinstance(str.join, Callable))
print(isinstance(int, Callable), isinstance(5, Callable), callable(print))
print(isinstance(1, Hashable), isinstance("s", Hashable), isinstance((1,), Hashable))
print(isinstance([], Hashable), isinstance({}, Hashable), isinstance(set(), Hashable), isinstance(bytearray(), Hashable))
print(isinstance([], Sized), isinstance("", Container), isinstance(range(3), Iterable), isinstance("", Sequence))
print("__len__" in list.__dict__, "__hash__" in int.__dict__, list.__dict__["__hash__"])
print("__call__" in type(len).__dict__, "__call__" in type(lambda: 0).__dict__)
