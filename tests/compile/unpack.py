a, b = 1, 2
a, b = b, a
a, b, c = [1, 2, 3]
first, *rest = [1, 2, 3, 4]
*init, last = 'abc'
(p, q), r = (1, 2), 3
x = y = 0
print(a, b, c, first, rest, init, last, p, q, r, x, y)
