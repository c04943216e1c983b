# Lists and tuples: methods, slicing, comprehensions, unpacking, sorting.
xs = [5, 3, 8, 1]
xs.append(7)
xs.extend([2, 9])
xs.insert(0, 10)
print(xs, len(xs), xs[1:4], xs[-2:], xs[::3])
xs.sort()
print(xs, xs.pop(), xs.pop(0), xs.index(5), xs.count(3))
xs.remove(5)
xs.reverse()
print(xs, sorted(xs), sorted(xs, reverse=True), sorted(["bb", "a", "ccc"], key=len))
squares = [i * i for i in range(10) if i % 2 == 0]
pairs = [(i, j) for i in range(3) for j in range(i)]
nested = [[0] * 3 for _ in range(2)]
nested[0][1] = 5
print(squares, pairs, nested)
a, b, *rest = [1, 2, 3, 4, 5]
first, *middle, last = "abcde"
(p, q), r = (1, 2), 3
print(a, b, rest, first, middle, last, p, q, r)
t = (1, 2, 3)
print(t, t[1], t + (4,), t * 2, len(t), 2 in t, t.index(3), (1,), ())
ys = list(range(10))
ys[2:5] = ["a", "b"]
del ys[0]
del ys[-3:]
print(ys)
m = [[1, 2], [3, 4]]
print([row[1] for row in m], [x for row in m for x in row], sum([1, 2, 3]), max([4, 9, 2]), min(3, 1, 2))
data = [("bob", 3), ("alice", 3), ("carol", 1)]
print(sorted(data, key=lambda p: p[1]), sorted(data), list(reversed([1, 2, 3])))
l2 = [1, 2]
l2 += [3]
l2 *= 2
print(l2, [1, 2] == [1, 2], [1, [2, 3]], list("abc"), tuple([1, 2]), [] or "empty")
s = [3, 1, 2]
s2 = s
s2.append(4)
print(s, s is s2, s == [3, 1, 2, 4], [None, True, 1.5, "x"])
