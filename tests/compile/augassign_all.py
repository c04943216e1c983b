x = 10
x += 1
x -= 2
x *= 3
x /= 2
x //= 2
x %= 7
x **= 2
x = int(x)
x <<= 1
x >>= 1
x &= 0xff
x |= 0x100
x ^= 0x1
print(x)
l = [1]
l += [2]
l[0] += 5
print(l)
