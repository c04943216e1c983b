import math
import gc

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.cbrt(8), math.hypot(3, 4), math.hypot(1, 2, 2))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.floor(3), type(math.floor(2.0)), math.ceil(1e20))
print(math.fabs(-3), math.copysign(2, -0.0), math.fmod(-7, 3), math.remainder(7, 3), math.modf(-3.25), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.exp(1), math.expm1(1e-10), math.log(100, 10), math.log10(1000), math.log2(1024), math.log1p(1e-10), math.log(math.e))
print(math.sin(math.pi / 6), math.cos(0), math.tan(math.pi / 4), math.asin(1), math.acos(0), math.atan(1), math.atan2(1, -1))
print(math.degrees(math.pi), math.radians(180), math.sinh(1), math.cosh(0), math.tanh(0.5), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2), math.isfinite(1e308), math.isinf(-math.inf), math.isnan(float("nan")))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2]))
print(math.gcd(12, 18, 24), math.lcm(3, 4, 5), math.comb(10, 3), math.perm(5), math.factorial(20), math.isqrt(17))
print(math.dist((0, 0), (3, 4)), math.erf(1), math.erfc(1), math.gamma(5), math.lgamma(10), math.nextafter(1, 2), math.ulp(1.0))
print(round(math.pi, 4), f"{math.pi:.10f}", f"{math.e:10.3f}|", "%.3e" % math.pi, str(math.sqrt(2) ** 2))


def newton_sqrt(n, eps=1e-12):
    x = n
    while abs(x * x - n) > eps:
        x = (x + n / x) / 2
    return x


for v in (2, 10, 144, 0.25):
    print(v, newton_sqrt(v), math.sqrt(v), abs(newton_sqrt(v) - math.sqrt(v)) < 1e-9)


def integrate(f, a, b, n=1000):
    h = (b - a) / n
    return h * (f(a) / 2 + sum(f(a + i * h) for i in range(1, n)) + f(b) / 2)


print(round(integrate(math.sin, 0, math.pi), 6), round(integrate(lambda x: x * x, 0, 3), 4))
pts = [(math.cos(2 * math.pi * k / 6), math.sin(2 * math.pi * k / 6)) for k in range(6)]
for x, y in pts:
    print(f"({x:+.3f}, {y:+.3f})")
area = 0.5 * abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1])))
print("hexagon area", round(area, 6), round(3 * math.sqrt(3) / 2, 6))


def quadratic(a, b, c):
    d = b * b - 4 * a * c
    if d < 0:
        re, im = -b / (2 * a), math.sqrt(-d) / (2 * a)
        return complex(re, im), complex(re, -im)
    r = math.sqrt(d)
    return (-b + r) / (2 * a), (-b - r) / (2 * a)


print(quadratic(1, -3, 2), quadratic(1, 2, 5), quadratic(2, 4, 2))
print(gc.collect() >= 0, gc.isenabled(), type(gc.get_threshold()))
gc.disable()
print(gc.isenabled())
gc.enable()
print(float("inf") == math.inf, math.inf * 0, math.nan == math.nan, max(1, math.inf), 1e308 * 10, -1e308 * 10)
print(0.1 * 3, 1 - 0.9, 1e-3, 3.0 // 0.1, 3.0 % 0.1, 2 ** 0.5 * 2 ** 0.5, 10 / 3 * 3, 7.0 / 2, int(7.999999999999999), int(7.9999999999999999))
print(abs(-0.0), -0.0 == 0.0, math.copysign(1, -0.0), 1 / 3 + 1 / 3 + 1 / 3, (0.1).as_integer_ratio(), (0.5).is_integer(), float.fromhex("0x1p-2"), (1.5).hex())
print(math.floor(-0.5), round(-0.5), round(0.5), round(1.5), round(2.5), round(-2.5), int(-0.5), math.ceil(-0.5))
