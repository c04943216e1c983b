# import_fresh_module with blocked and fresh modules: a blocked accelerator
# leaves the pure-Python fallback; a fresh module that cannot be imported
# makes the result None (why test_datetime needs a `_datetime`).
import sys
from test.support.import_helper import import_fresh_module

before = {name: sys.modules.get(name) for name in ("heapq", "_heapq", "bisect")}

pure = import_fresh_module("heapq", blocked=["_heapq"])
print(type(pure.heappush).__name__, pure.heappush.__module__)
fast = import_fresh_module("heapq", fresh=["_heapq"])
print(type(fast.heappush).__name__, fast.heappush.__module__)
print(pure is not fast, pure.__name__, fast.__name__)

h = []
for x in (5, 1, 4, 2, 3):
    pure.heappush(h, x)
print(h, [pure.heappop(h) for _ in range(5)])

print(import_fresh_module("heapq", fresh=["_no_such_accelerator"]))
print(import_fresh_module("bisect", blocked=["_bisect"]).bisect.__module__)
try:
    import_fresh_module("_no_such_module_at_all")
except ImportError as e:
    print(type(e).__name__, e)
after = {name: sys.modules.get(name) for name in ("heapq", "_heapq", "bisect")}
print(before == after)
