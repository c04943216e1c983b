a, b, c = 1, 2, 3
a, b = b, a
a, b, c = c, a, b
x = y = z = 0


def f(p, q, r):
    p, q = q, p
    p, q, r = r, p, q
    return p, q, r


print(a, b, c, f(1, 2, 3))
