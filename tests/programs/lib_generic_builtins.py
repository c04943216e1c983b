# Which builtin and native classes are generic (`C[int]`), and what dir()
# of an alias lists.
import functools
import itertools
import types
import weakref
from collections import deque, defaultdict

for cls in (list, dict, tuple, set, frozenset, enumerate, type, types.MappingProxyType,
            types.AsyncGeneratorType, itertools.chain, functools.partial, weakref.ref,
            deque, defaultdict, int, str, range, itertools.count):
    try:
        alias = cls[int]
        print(cls.__name__, repr(alias), alias.__origin__ is cls)
    except TypeError as e:
        print(cls.__name__, "TypeError", e)
print(hasattr(type, "__class_getitem__"), hasattr(list, "__class_getitem__"))


class Meta(type):
    pass


class MyList(list):
    pass


try:
    Meta[int]
except TypeError as e:
    print(e)
print(MyList[int], itertools.chain[int].from_iterable([[1], [2]]).__class__.__name__)
names = dir(list[int])
print(set(dir(list)) <= set(names), [n for n in names if n not in dir(list)])
print(names == sorted(names))
