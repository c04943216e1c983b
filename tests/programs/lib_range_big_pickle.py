"""Pickling big-int ranges and their longrange_iterator."""
import pickle
import copy
r = range(2**100, 2**100 + 10, 3)
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print(pickle.loads(pickle.dumps(r, proto)))
it = iter(range(2**64, 2**64 + 5))
next(it)
print(list(pickle.loads(pickle.dumps(it))))
print(list(copy.copy(it)))
it = reversed(range(2**64, 2**64 + 5))
next(it)
print(it.__reduce__()[1:], list(pickle.loads(pickle.dumps(it))))
