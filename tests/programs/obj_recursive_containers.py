# Containers that hold themselves: comparisons fail with RecursionError,
# reprs show "...", and sorts of keys with no total order still finish.

x = {}
x["a"] = x
y = {}
y["a"] = y
for op, compare in (("==", lambda p, q: p == q), ("!=", lambda p, q: p != q)):
    try:
        print(compare(x, y))
    except RecursionError as e:
        print(op, "RecursionError:", e)
print(x == x, [x] == [x])

a = []
a.append(a)
b = []
b.append(b)
try:
    a == b
except RecursionError as e:
    print("lists:", e)
try:
    a < b
except RecursionError as e:
    print("lists <:", e)
d = {1: [a]}
e = {1: [b]}
try:
    d == e
except RecursionError as e:
    print("nested:", e)

d = {}
d[42] = d.values()
print(repr(d))
d[42] = d.items()
print(repr(d))
d[42] = d.keys()
print(repr(d))
print(repr(a), repr(x))

nan = float("nan")
# No total order: the result is some permutation (CPython's timsort decides which).
print(sorted(sorted([nan, 1.0, 2.0, 0.5] * 3), key=str))
print(sorted([3, 1.5, 2, True]))
print(sorted([(1, "b"), (0, 1.5), (1, "a")], key=lambda t: t[0]))
print(sorted([(2, "a"), (1, "b"), (1,), ()]))
print(len(sorted([(1, nan), (0, 1.0), (2, 3.0), (1, 0.0)] * 5)))
print(sorted([(1, (2, 3)), (1, (1, 4)), (0, (9,))]))
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
