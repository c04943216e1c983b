"""lru_cache maxsize: PyNumber_AsSsize_t with OverflowError, negative sizes are 0."""
import functools
for m in [2**100, -2**100, 2**63, -1, 0, None, 1.5, "x", True]:
    try:
        f = functools.lru_cache(maxsize=m)(lambda x: x)
        print(repr(m)[:20], f.cache_info(), f(1), f.cache_info())
    except Exception as e:
        print(repr(m)[:20], type(e).__name__, e)

from functools import _lru_cache_wrapper
from collections import namedtuple
Info = namedtuple("Info", "hits misses maxsize currsize")
class Idx:
    def __index__(self): return 3
class BadIdx:
    def __index__(self): raise ValueError("no")
for m in [Idx(), BadIdx(), 2**64, -2**64]:
    try:
        print(_lru_cache_wrapper(len, m, False, Info).cache_info())
    except Exception as e:
        print(type(e).__name__, e)
