# math functions on objects with __float__, __index__, __floor__...
import math


class F:
    def __float__(self):
        return 2.25


class I:
    def __index__(self):
        return 5


class Rounding:
    def __floor__(self):
        return "floor"

    def __ceil__(self):
        return "ceil"

    def __trunc__(self):
        return "trunc"


class MyFloat(float):
    pass


print(math.sqrt(F()), math.floor(Rounding()), math.ceil(Rounding()), math.trunc(Rounding()))
print(math.factorial(I()), math.gcd(I(), 10), math.comb(I(), 2), math.isqrt(I()), math.perm(I(), 2))
print(math.sqrt(I()), math.exp(F()), math.floor(F()), math.ceil(F()), math.floor(MyFloat(2.5)))
print(math.pow(F(), 2), math.log(I()), math.hypot(F(), I()), math.dist([F()], [I()]))
print(math.fsum([F(), I(), 0.5]), math.isclose(F(), 2.25), math.atan2(F(), I()))
print(math.copysign(F(), -1), math.fabs(F()), math.ldexp(F(), 2), math.isfinite(F()))
for call in [
    lambda: math.sqrt("x"),
    lambda: math.floor("x"),
    lambda: math.trunc(2.5j),
    lambda: math.trunc(F()),
    lambda: math.factorial(2.0),
    lambda: math.gcd(F(), 2),
    lambda: math.prod([I(), I()]),
]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
