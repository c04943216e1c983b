# Reprs of values and containers, big numbers, float formatting.
print(1e100, 1e-100, 123456789012345678.0, 0.1, -0.0, 2.5e-5, 1e15, 1e16, 12345.678)
print(float("nan"), float("-inf"), 3.0 * 1e308 * 10, 1/3 * 3, 100.0, 1.5e300 * 1.5e300)
print(2 ** 200, -(3 ** 50), 10 ** 18, 10 ** 19, (2 ** 64) // 3, -(2 ** 64) % 1000)
print([1, [2, [3, []]]], (1, (2,), ()), {"a": [1, {"b": None}]}, [True, False, None])
print(repr("a'b\"c"), repr("\\"), repr("\u1234"), repr("line1\nline2\ttab\r"), "unicode: ñ ü 日本")
l = [1, 2]
l.append(l)
print(l)
d = {1: "x"}
d[2] = d
print(d)
print(type(1), type(1.0), type("s"), type([]), type(()), type({}), type(set()), type(None), type(len))
print(int, str, ValueError, type(type), isinstance(True, int), isinstance(1, (str, float)), issubclass(bool, int))
print(bool(0), bool(""), bool([0]), bool(None), bool(0.0), bool(-1), not [], not [1])
print(1 == 1.0, 0.1 + 0.2 == 0.3, 2 ** 0.5 * 2 ** 0.5, 7 // 2, -7 // 2, 7 % -2, 2 ** -2)
print(hex(255), oct(8), bin(10), hex(-42), ord("€"), chr(8364), abs(-7.25), round(7.5), round(-7.5))
print(min("hello"), max([3, 9, 2], key=lambda v: -v), sum([0.1] * 10), sum(range(101)), sum([[1], [2]], []))
print(divmod(7.5, 2), pow(10, -2), 5 / 2, 4 / 2, 10 // 3.0, 1e300 * 1e300, -1e300 * 1e300)
print(str(12345678901234567890), int("-0"), int("  12  "), float("1e5"), float("-1.5E-3"), int(True))
print(list(range(-5, 5, 2)), range(3) == range(0, 3), list(reversed(range(4))), list(range(0)))
x = 5
x <<= 3
x |= 1
x ^= 2
x &= 0xff
x >>= 1
x %= 7
print(x, 10 if x else 20, x and "yes", 0 or None, [] or [1])
print(f"{3.14159:.3}", f"{42:08.2f}", f"{-5:05}", f"{1234.5:,.1f}", f"{255:X}", f"{7:>+5}", f"{'s':*^7}")
print("%05.1f|%-6d|%+d|%c|%r" % (3.14159, 42, 7, 65, "q"), "%s%%" % 50, "%(a)s" % {"a": 1} if False else "skip")
