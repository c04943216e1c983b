# Dict and set keys whose class defines __eq__/__hash__: lookups compare
# only the stored keys of the same hash, in probe order.
class Key:
    eq_calls = 0

    def __init__(self, n, h=None):
        self.n = n
        self.h = n if h is None else h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        Key.eq_calls += 1
        return isinstance(other, Key) and self.n == other.n

    def __repr__(self):
        return f"Key({self.n})"


d = {}
for i in range(2000):
    d[Key(i)] = i
print(len(d), d[Key(1234)], Key(5000) in d)
for i in range(0, 2000, 3):
    del d[Key(i)]
print(len(d), Key(3) in d, Key(4) in d, d.get(Key(1999)))

# Colliding hashes: every key of hash 7 is a candidate, compared in turn.
Key.eq_calls = 0
c = {Key(i, 7): i for i in range(5)}
print(Key.eq_calls)
Key.eq_calls = 0
print(c[Key(4, 7)], Key.eq_calls)
Key.eq_calls = 0
print(Key(9, 7) in c, Key.eq_calls)
del c[Key(2, 7)]
Key.eq_calls = 0
print(c.get(Key(3, 7)), Key.eq_calls)
c[Key(2, 7)] = "again"
print(list(c.values()))

# A plain int equal to nothing stored, in a table holding object keys.
mixed = {Key(1): "k", 1: "int"}
print(mixed[1], mixed[Key(1)], len(mixed))

s = {Key(i % 50) for i in range(500)}
print(len(s), Key(49) in s, Key(50) in s)
s.discard(Key(10))
print(len(s), Key(10) in s)
Key.eq_calls = 0
t = {Key(i, 3) for i in range(4)}
print(len(t), Key.eq_calls, Key(2, 3) in t)

# Equality raising propagates out of the lookup.
class Bad(Key):
    def __eq__(self, other):
        raise ValueError("no comparing")

    __hash__ = Key.__hash__

b = {Bad(1, 5): 1}
try:
    b[Bad(2, 5)]
except ValueError as e:
    print("ValueError:", e)
print(b.get(Bad(3, 6)))
