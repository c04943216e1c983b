x = 6
print(-x, +x, ~x, not x)
print(x & 3, x | 1, x ^ 5, x << 2, x >> 1)
y = -(-x)
z = ~~x
print(y, z, -3 ** 2, (-3) ** 2)
