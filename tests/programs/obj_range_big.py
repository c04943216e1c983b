"""range with bounds or lengths beyond machine ints (rangeobject.c keeps Python ints)."""
r = range(2**100)
print(r, repr(r), r.start, r.stop, r.step)
try:
    len(r)
except OverflowError as e:
    print("len:", e)
print(r[0], r[-1], r[2**99], r[-2**99])
try:
    r[2**100]
except IndexError as e:
    print("IndexError", e)
print(r[10:20], r[::2], r[::-1], r[2**99:], r[-5:])
print(2**99 in r, 2**100 in r, -1 in r, 5.0 in r)
print(r.index(2**99), r.count(2**99), r.count(-1))
try:
    r.index(2**100)
except ValueError as e:
    print(e)
it = iter(r)
print(type(it).__name__, next(it), next(it), it.__length_hint__())
it = reversed(r)
print(type(it).__name__, next(it), next(it))
print(r == range(0, 2**100), r == range(2**100 + 1), hash(r) == hash(range(0, 2**100, 1)))
print(bool(r), bool(range(2**100, 0)))
r2 = range(-2**70, 2**70, 2**65)
print(list(r2), len(r2), r2[3], r2.index(2**65))
print(list(reversed(r2)))
r3 = range(10, 0, -2**80)
print(list(r3), len(r3))
r4 = range(0, 10**30, 10**29)
print(list(r4[::3]), r4[::3] == range(0, 10**30, 3 * 10**29))
print(range(2**63 - 2, 2**63 + 2)[1], list(range(2**63 - 2, 2**63 + 2)))
print(list(range(-2**63 - 2, -2**63 + 2)))
print(list(range(2**64, 2**64 + 3)))
r5 = range(-2**63, 2**63 - 1)
try:
    len(r5)
except OverflowError as e:
    print("len:", e)
print(r5[-1], r5[2**63])
print(r.__reduce__())
it = iter(range(2**64, 2**64 + 5))
next(it)
print(it.__reduce__()); it.__setstate__(2**70); print(list(it)); it = iter(range(2**64, 2**64 + 5)); it.__setstate__(-5); print(next(it)); it.__setstate__(3); print(list(it))
print(it.__length_hint__())
try:
    list(range(2**100))
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
print(range(5)[True], range(2**100)[True])
try:
    r.__len__()
except OverflowError as e:
    print("__len__", e)
print(sorted({range(2**100): 1}.values()))
for x in range(2**64 - 2, 2**64 + 2):
    print(x, end=" ")
print()
print(range(3, 2**100, 7)[5], range(3, 2**100, 7).index(38))
class I:
    def __index__(self): return 2**70
print(range(I()), range(1, I(), I()))
print(range(2**100)[I()])
print(range(0, 10)[::2**100], range(10)[2**100:], range(10)[-2**100:3])
print(range(5)[2**100] if False else "ok")
try:
    range(5)[2**100]
except IndexError as e:
    print("IndexError", e)
print(hash(range(2**70, 2**70 + 1)) == hash(range(2**70, 2**70 + 1, 5)))
print(range(2**70, 2**70) == range(0), hash(range(2**70, 2**70)) == hash(range(0)))
print(range(2**64)[::-1][0], range(2**64)[::-1][-1], range(2**64)[::-1].step)
print(type(iter(range(0, 2**63 - 1, 2))).__name__, type(iter(range(10))).__name__)
print(type(reversed(range(2**64))).__name__, list(reversed(range(2**64, 2**64 + 2))))
print(list(range(2**63 - 3, 2**63 - 1)), list(reversed(range(-2**63, -2**63 + 2))))
class J(int):
    pass
print(range(J(3)), J(2) in range(5), range(10).count(J(4)), range(2**70).index(J(7)))
try:
    range(1, 5, 0)
except ValueError as e:
    print(e)
try:
    range(1.5)
except TypeError as e:
    print(e)
