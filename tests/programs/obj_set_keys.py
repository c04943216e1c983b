# Sets used as keys of set lookups, frozenset cycles in repr, hashes of
# dict keys reused by set operations, and __reduce__ of set subclasses.


class HashCountingInt(int):
    def __init__(self, *args):
        self.hash_count = 0

    def __hash__(self):
        self.hash_count += 1
        return int.__hash__(self)


def counts(d):
    return sum(e.hash_count for e in d)


# A set key that cannot be hashed is looked up as a frozenset.
s = {frozenset({1, 2}), 3}
print({1, 2} in s, {5} in s, set() in s)
s.discard({1, 2})
print(sorted(map(repr, s)))
s.add(frozenset({4}))
s.remove({4})
print(s)
key = {7, 8}
try:
    s.remove(key)
except KeyError as e:
    print("KeyError", e.args[0] is key, e.args[0])


class SetSub(set):
    pass


print(SetSub([1, 2]) in {frozenset({1, 2})})
try:
    {1}.remove(SetSub([9]))
except KeyError as e:
    print("KeyError", type(e.args[0]).__name__, e.args[0])
fs = frozenset([frozenset([1])])
print({1} in fs, {2} in fs)
try:
    [1] in s
except TypeError as e:
    print("TypeError", e)


# A frozenset met again inside its own repr.
class ReprWrapper:
    def __repr__(self):
        return repr(self.value)


w = ReprWrapper()
f = frozenset([w])
w.value = f
print(repr(f))


class FS(frozenset):
    pass


w = ReprWrapper()
f = FS([w])
w.value = f
print(repr(f))
w = ReprWrapper()
s = SetSub([w])
w.value = s
print(repr(s))

# Keys taken from a dict, set or frozenset keep their stored hashes.
d = dict.fromkeys(map(HashCountingInt, range(10)))
print(counts(d))
for make in (set, frozenset):
    s = make(d)
    s.difference(d)
    if hasattr(s, "symmetric_difference_update"):
        s.symmetric_difference_update(d)
        s.update(d)
    dict.fromkeys(set(d))
    dict.fromkeys(frozenset(d), 1)
    print(make.__name__, counts(d), sorted(s))


# `__reduce__` carries `__getstate__`'s state: slots included.
class SlotSet(set):
    __slots__ = ("x", "y", "__dict__")


s = SlotSet([1])
s.x = ["x"]
s.z = 3
print(s.__reduce__())
print(set([2]).__reduce__(), frozenset().__reduce__())


class OwnState(frozenset):
    def __getstate__(self):
        return "state"


print(OwnState([5]).__reduce__())
