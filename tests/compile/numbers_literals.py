a = 0x1f
b = 0o17
c = 0b1010
d = 1_000_000
e = 1.5e-3
f = 3.0
g = 2j
h = 10 ** 20
i = -2 ** 63
j = 1.0e309
print(a, b, c, d, e, f, g, h, i, j)
