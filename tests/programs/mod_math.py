import math

print(math.pi, math.e, math.tau, math.inf, math.nan)
xs = [0.0, -0.0, 0.5, 1.0, 2.5, -3.75, 1e-300, 123456.789, 1e22]
for name in ["sqrt", "exp", "log1p", "expm1", "exp2", "sin", "cos", "tan",
             "atan", "sinh", "tanh", "asinh", "erf", "erfc", "fabs", "degrees", "radians"]:
    f = getattr(math, name)
    row = []
    for x in xs:
        try:
            row.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__)
    print(name, " ".join(row))

for x in [0.5, 1.5, 2.5, 3.0, 4.5, 10.25, 30.5, 100.1, 171.5, -0.5, -1.5, -2.25, 1e-25, 150.3, -150.3]:
    try:
        g = math.gamma(x)
    except (ValueError, OverflowError) as e:
        g = type(e).__name__
    print("gamma", x, g, math.lgamma(x))

print(math.factorial(0), math.factorial(20), math.factorial(30))
print(math.factorial(100))
print(math.factorial(2000).bit_length(), math.factorial(2000) % 10**30 == 0)
print(math.comb(100, 50), math.comb(10, 3), math.comb(5, 0), math.comb(3, 7))
print(math.perm(10), math.perm(10, 3), math.perm(10, 0), math.perm(2**70, 2))
print(math.comb(2**80, 3))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**50), math.isqrt(True))
print(math.gcd(), math.gcd(12), math.gcd(12, 18), math.gcd(-12, 18, 30), math.gcd(2**100, 6**50))
print(math.lcm(), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(-4, 6))
print(math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([1.0, 1e-16, 1e-16]), math.fsum([]), math.fsum(range(10)))
print(math.fsum([float("inf"), 1.0]), math.fsum([float("nan"), 1.0]))
print(math.fsum([2.0**53, 1.0, 2.0**-100]), math.fsum([2.0**53, -1.0, -2.0**-100]))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2]), math.prod(range(1, 30)))
print(math.prod([2, 3], start=10), math.prod(["ab"], start=3))
print(math.hypot(3, 4), math.hypot(1, 1), math.hypot(1, 2, 3), math.hypot(-5), math.hypot(1e308, 1e308) if False else 0)
print(math.hypot(0.1, 0.2, 0.3, 0.4), math.hypot(1e-320, 1e-320), math.hypot(float("inf"), float("nan")))
print(math.dist((0, 0), (3, 4)), math.dist([1.5, 2.5, 3.5], [0.1, 0.2, 0.3]), math.dist([], []))
print(math.modf(3.25), math.modf(-3.25), math.modf(float("inf")), math.modf(0.0))
print(math.frexp(8.0), math.frexp(0.3), math.frexp(0.0), math.frexp(-1e-310), math.frexp(float("inf")))
print(math.ldexp(0.75, 4), math.ldexp(1.0, -1074), math.ldexp(1.0, -1075), math.ldexp(3.0, -1075), math.ldexp(1, 1023))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7.5, -2), math.fmod(1, float("inf")))
print(math.remainder(7, 3), math.remainder(5, 2), math.remainder(7, 2), math.remainder(-7.5, 2), math.remainder(3, float("inf")))
print(math.copysign(3, -0.0), math.copysign(-2.5, 1), math.copysign(float("nan"), -1))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1, 1.05, rel_tol=0.1))
print(math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-9), math.isclose(a=1, b=1))
print(math.isclose(float("inf"), float("inf")), math.isclose(float("inf"), 1e308), math.isclose(float("nan"), float("nan")))
print(math.nextafter(1.0, 0.0), math.nextafter(0.0, -1.0), math.nextafter(1.0, 1.0), math.nextafter(-0.0, 1.0))
print(math.ulp(1.0), math.ulp(1e300), math.ulp(-2.0), math.ulp(1.7976931348623157e308), math.ulp(float("inf")))
print(math.floor(3.7), math.floor(-3.2), math.floor(5), math.floor(True), math.floor(1e300) == 10**300)
print(math.ceil(3.2), math.ceil(-3.7), math.ceil(2**70), math.trunc(-3.9), math.trunc(3.9), math.trunc(-2**70))
print(type(math.floor(2.0)), type(math.ceil(2.0)), type(math.trunc(2.0)))
print(math.log(8, 2), math.log(100, 10), math.log(math.e), math.log2(1024), math.log10(0.001))
print(math.log(2**1000), math.log2(2**1100), math.log10(10**400), math.log(10**400, 10))
print(math.pow(2, 10), math.pow(2, -1), math.pow(-8, 1 / 3) if False else 0, math.pow(0, 0), math.pow(-2, 3))
print(math.pow(float("inf"), -1), math.pow(-float("inf"), 3), math.pow(1, float("nan")), math.pow(float("nan"), 0))
print(math.pow(0.5, float("inf")), math.pow(2, float("-inf")), math.pow(-1, float("inf")))
print(math.atan2(1, 1), math.atan2(-0.0, -1), math.atan2(0, 0), math.atan2(float("inf"), float("-inf")))
print(math.acos(0.5), math.asin(0.5), math.acosh(2), math.atanh(0.5))
print(math.isnan(float("nan")), math.isinf(-math.inf), math.isfinite(10**300), math.isfinite(math.nan))
print(math.sqrt(2**64), math.sqrt(True), math.exp(-1000), math.exp(709))
print(round(math.cbrt(27.0), 12), round(math.cbrt(-8), 12), math.cbrt(0.0), math.cbrt(-0.0))
