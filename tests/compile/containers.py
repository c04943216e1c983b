a = [1, 2, 3]
b = (1, 2, 3)
c = {1, 2, 3}
d = {'a': 1, 'b': 2}
e = []
f = ()
g = {}
x = 5
h = [x, x + 1]
i = (x, 1)
j = {x: 1, 'k': x}
k = {**d, 'c': 3}
l = [*a, *h]
m = {*a, x}
n = (*a, x)
print(a[0], b[1:], d['a'], a[-1], a[::2])
a[0] = 10
del a[1]
print(a, b, c, d, e, f, g, h, i, j, k, l, m, n)
