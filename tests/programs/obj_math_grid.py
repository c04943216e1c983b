import math
xs = [0.0, -0.0, 0.1, 0.5, 0.7, 1.0, 1.5, 2.0, 2.5, 3.0, 7.0, 10.0, 27.0, 64.0, 100.0, 1e-10, 1e-300, 1e10, 123.456, 1/3, 2/3, 5.5, 30.0, 170.5, 0.999, 1.001, 1e5, 33.3, 0.25, 8.0, 1000.0, 12345.678]
xs = xs + [-x for x in xs if x]
one = ["cbrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "erf", "erfc", "gamma", "lgamma",
       "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "sqrt"]
for name in one:
    f = getattr(math, name)
    out = []
    for x in xs:
        try:
            out.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, " ".join(out))
two = ["atan2", "hypot", "fmod", "remainder", "pow", "copysign", "ldexp" ]
ys = [0.0, -0.0, 0.5, 1.0, 2.0, 3.0, -1.5, 10.0, 0.1, 7.0]
for name in two:
    f = getattr(math, name)
    out = []
    for x in xs[:20] + [-3.0, -0.5]:
        for y in ys:
            if name == "ldexp":
                y = int(y)
            try:
                out.append(repr(f(x, y)))
            except (ValueError, OverflowError, ZeroDivisionError) as e:
                out.append(type(e).__name__)
    print(name, " ".join(out))
print(math.dist((1, 2, 3), (4, 5, 6.5)), math.dist((0.1,), (0.7,)), math.hypot(1, 2, 3, 4.5), math.hypot(3e200, 4e200))
print(math.pow(-8, 1/3) if False else 0, math.pow(0.0, -1.5) if False else 0)
for x in (0.5, 1.5, 2.5, 3.7, 10.0, 100.0):
    print(math.gamma(x), math.lgamma(x), math.factorial(int(x)))
print(math.fsum([0.1]*10), math.prod([0.1, 0.2, 0.3]), math.isqrt(10**20+1), math.comb(50, 25), math.perm(10, 3))
print(math.log(10**100), math.log(2**1000, 2), math.log10(10**50), math.log2(2**100+1))
