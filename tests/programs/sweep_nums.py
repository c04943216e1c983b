import math
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 % -3, divmod(-7, 2), divmod(7.5, 2), 2 ** -1, (-2) ** 2, -2 ** 2)
print(10 / 4, 10 / 5, 1e300 * 1e10, -1e300 * 1e10, 0.1 + 0.2, 0.1 + 0.2 == 0.3, round(0.1 + 0.2, 10))
print(2 ** 64, 2 ** 64 - 1, -(2 ** 63), 10 ** 30 // 7, 10 ** 30 % 7, (10 ** 30) / 7, 3 ** 100)
print(int(3.9), int(-3.9), round(3.5), round(4.5), round(-0.5), round(3.14159, 3), round(1234, -2), math.floor(-1.5), math.ceil(-1.5))
print(abs(-5), abs(-2.5), max(1, 2.5), min([3, 1, 2]), sum([0.1] * 10), sum([1, 2], 10), pow(2, 10), pow(2.0, 0.5))
print(float("nan") == float("nan"), math.isnan(float("nan")), math.inf > 10 ** 100, -math.inf, math.pi, math.e)
print(1 / 3, 2 / 3, 1e16, 1e-5, 123456789.123456789, 1.0, 100.0, 1e22, 1.5e-7, 3.0e15, float(2 ** 53 + 1))
print(math.sqrt(16), math.sqrt(2), math.factorial(20), math.gcd(12, 18), math.log(math.e), math.log10(1000), math.log2(8), math.log(8, 2))
print(math.sin(0), math.cos(math.pi), math.hypot(3, 4), math.trunc(-2.7), math.fabs(-3), math.isclose(0.1 + 0.2, 0.3), math.comb(5, 2), math.perm(5, 2))
print(hex(255), oct(8), bin(10), hex(-1), int("ff", 16), int("0b101", 0), (255).bit_length(), (5).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
print(True + True, True * 3, False - 1, int(True), 3 > 2 > 1, 1 < 3 < 2, 5 == 5.0, hash(1) == hash(1.0), 0 == -0.0)
print(0.1 * 3, 1.1 * 1.1, 2.675 * 100, 1 / 7, 22 / 7, 1e-10, 5e-324, 1.7976931348623157e308)
print(complex(1, 2) * complex(3, 4), abs(3 + 4j), (1 + 2j).conjugate(), (1j) ** 2, complex("1+2j"))
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, (int, float)), type(1 / 1), type(2 // 1), type(2.0 // 1))
print(7 & 3, 7 | 8, 7 ^ 2, ~7, 1 << 10, 1024 >> 3, -16 >> 2, 1 << 70)
print(int(1e18), int(1.5e19), float(10 ** 20), 10 ** 20 == 1e20, 2 ** 0.5, 4 ** 0.5, (-8) ** (1/3))
print(round(2.675, 2), round(-2.5), round(1e20), f"{2.5:.0f}", f"{3.5:.0f}", f"{1/3:.15f}", f"{1e100:.3e}")
print(divmod(10 ** 20, 3), -(10 ** 20) // 3, (-(10 ** 20)) % 3, abs(-(10 ** 20)), 10 ** 20 * -1)
print(float.is_integer(2.0), (3.75).as_integer_ratio(), (0.5).hex(), float.fromhex("0x1.8p1"), int.bit_count(255) if hasattr(int, "bit_count") else 8)
print(max([]) if False else "skip", max([], default=0), min("abc"), max("abc", key=ord), sum([[1], [2]], []))
try:
    1 / 0
except ZeroDivisionError as e:
    print(e)
try:
    1 % 0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)
try:
    10 ** 10000 * 1.0
except OverflowError as e:
    print(e)
try:
    math.sqrt(-1)
except ValueError as e:
    print(e)
try:
    int(float("inf"))
except OverflowError as e:
    print(e)
print(2 ** 1000 % 10 ** 9, len(str(2 ** 10000)), str(10 ** 50)[:10], -(-7 // 2))
print(1_000_000, 0xFF, 0o17, 0b1010, 1_0.5, .5, 5., 1e3, 1E-3)
print(sum(i * i for i in range(1000)), math.prod([1, 2, 3, 4]), math.isqrt(99), math.copysign(1, -0.0), math.fsum([0.1] * 10))
for v in [0.0, -0.0, 1e-7, 123.456, 1e16, 12345678901234567890.0, 0.1, 1/3]:
    print(repr(v), str(v), f"{v}", f"{v:g}", f"{v:.3}", "%g" % v, "%s" % v)
