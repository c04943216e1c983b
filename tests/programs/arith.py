# Integer and float arithmetic, big ints, comparisons.
a = 7
b = -3
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, -a // 2, -a % 2)
print(2 ** 100, -(2 ** 70) // 3, (2 ** 70) % 7, 10 ** 20 + 1)
print(9223372036854775807 + 1, -9223372036854775808 - 1, 3037000500 * 3037000500)
print(1 << 70, (1 << 70) >> 65, 0xff & 0x0f, 0xf0 | 0x0f, 0xff ^ 0x0f, ~5)
print(7.5 / 2, 7.5 // 2, -7.5 % 2, 1e22, 1e16, 0.1 + 0.2, 1 / 3, 2.0 ** 0.5)
print(3 * 1.5, 10 / 4, 10 // 4.0, float("inf"), -float("inf"), 1.5e-7, 123456789.0)
print(True + True, True * 3, -True, abs(-4), abs(-2.5), divmod(17, 5), divmod(-17, 5))
print(1 < 2 < 3, 1 < 2 > 3, 2 == 2.0, 1 != 1.0, 3 >= 3, "a" < "b", [1, 2] < [1, 3], (1, 2) == (1, 2))
print(0.5 == 1 / 2, 10 ** 30 > 1e29, 2 ** 63 == 9223372036854775808)
print(round(2.5), round(3.5), round(-0.5), round(1.25, 1), round(2.675, 2), round(1234, -2))
print(pow(2, 10), pow(3, 4, 5), pow(2, -1), 0 ** 0, 7 % -3, -7 // -2)
x = 10
x += 5
x *= 2
x -= 1
x //= 3
x **= 2
print(x)
print(int("42"), int("-17"), int("0x1f", 16), int("1_000"), int(3.99), int(-3.99), float("1.5"), float(" 2 "))
print(hash(1) == hash(1.0), hash(-1), hash(2 ** 61), hash(0.5))
