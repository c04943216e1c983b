# Set iteration order after removals, re-insertions, pop, clear and set algebra
# (CPython's open-addressing table: dummies, fill, resizes, the pop finger).

s = set()
for x in [5, 13, 21]:
    s.add(x)
print(s)
s.discard(5)
s.add(29)  # reuses the dummy slot
print(s)

s = set(range(1, 12))
for x in [32, 64, 96, 128]:
    s.add(x)
s.discard(32); s.discard(64); s.discard(96)
s.add(160)  # the last dummy on the probe path is reused
s.add(192)
print(s)

s = set(range(10))
for i in range(0, 10, 2):
    s.discard(i)
s.add(16); s.add(32)
print(s)
print(s.pop(), s.pop(), s)
s.add(0); s.add(64)
print(s, s.pop())
s.clear()
s.add(8); s.add(0)
print(s, s.pop(), s)

b = set()
c = set([22, 128, 64, 16, 32, -64])
c.difference_update([8388608, 0, 68, 32, 17, 8191, 155])
b ^= c
print(c, b)
print(b.pop(), b.pop(), b)
a = set([64, 0, -192, 281474976710656, 5, 8, 11, 13, 16, 1048575])
b.symmetric_difference_update(a)
print(b)

# bulk operations and their presizing
d = dict.fromkeys([171, 15, 134217726, 0, 33, 25, 16, 81, 21, -128, 16])
b = set(d)
print(b, b | b, b.copy())
y = b.copy()
y |= b
print(y)
y |= {1 << 40, -7}
print(y)
print(set([9, 1, 17, 25, 33]) | {41, 49})
print({1, 9, 17} & {17, 9, 25, 33}, {17, 9, 25, 33} & {1, 9, 17})
print(set(range(40)) - {3, 5}, {3, 5, 40} - set(range(41)))
print(set([1, 9, 17, 25]) ^ set([9, 33, 41]), set([9, 33, 41]) ^ set([1, 9, 17, 25]))
s = set(range(0, 200, 8))
s -= set(range(0, 200, 16))
print(s)
s.add(1000)
print(s)
s &= {8, 24, 40, 1000, 7}
print(s)
s ^= {7, 9, 8}
print(s)
s.intersection_update([24, 40, 9, 7, 1000, 40])
print(s)
s.difference_update([7], {9})
print(s)
print(s.union([1, 17, 33], {49, 65}), s.intersection(range(100)), s.difference(range(30)))
print(s.symmetric_difference([24, 56, 88]))
t = set(range(32))
t.symmetric_difference_update(dict.fromkeys(range(16, 48)))
print(t)

# frozensets: copy and frozenset() of a frozenset are the same object
f = frozenset([1, 25, 9, 121, 35184372088832])
print(f, f.copy() is f, frozenset(f) is f, f | {2}, f & {9, 121, 7})
print(hash(frozenset()), hash(frozenset({1, 2})), hash(frozenset(range(10))))
print(frozenset({1, 2}) == {2, 1}, {frozenset({1}), frozenset({1})})

# pop walks from the finger, wrapping around
s = set(range(8, 16))
print([s.pop() for _ in range(3)], s)
s.update([0, 1, 2])
print(s, s.pop(), s.pop())
s = {0, 8, 16, 24}
s.discard(8); s.discard(16)
s.add(40)  # no dummy on the path: a fresh slot, and the table grows
print(s)

# a set display of constants is a frozenset constant merged in (its order
# comes from the compiler, which Pith reproduces for ints)
print({1, 2, 3, 4, 5, 6, 7, 8}, {100, 3, 7})

# aliasing of in-place operators
u = s
s |= {1}
s -= {0}
s &= {1, 24, 40}
s ^= {2}
print(u, u is s)
