# Builtin functions and methods pickle by reference.
import math, pickle, collections, copy, operator
print(len.__module__, math.sqrt.__module__, len.__qualname__, [].append.__qualname__)
print(len.__reduce__(), len.__reduce_ex__(2), [].append.__reduce__()[1])
for o in (len, [1].append, math.sqrt, {}.get, list.append, max, sorted, collections.deque([2]).append):
    for proto in (0, 2, 5):
        r = pickle.loads(pickle.dumps(o, proto))
    print(r.__qualname__, r == o, type(r).__name__)
print(pickle.loads(pickle.dumps([len, abs, math.floor]))[1](-3))
print(copy.deepcopy({"f": len})["f"] is len)
