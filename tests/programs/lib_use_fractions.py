from fractions import Fraction
from math import pi
a = Fraction(3, 4); b = Fraction("5/6")
print(a + b, a - b, a * b, a / b, a ** 2, -a, abs(Fraction(-1, 3)))
print(repr(a), str(Fraction(6, 4)), Fraction(0.125), Fraction("1.5"), Fraction(Decimal := 7))
print(Fraction(pi).limit_denominator(1000), Fraction(1, 3) == 1/3, Fraction(1, 2) == 0.5)
print(a.numerator, a.denominator, float(a), int(Fraction(7, 2)), round(Fraction(7, 2)), round(Fraction(5, 2)))
print(sorted([Fraction(1, 3), Fraction(1, 4), Fraction(1, 2)]), sum(Fraction(1, n) for n in range(1, 6)))
print(Fraction(1, 3) < 0.5, max(Fraction(2, 3), 0.6), a + 1, 1 - a, 2 * a, a ** -1, Fraction(4) ** Fraction(1, 2))
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(Fraction(10, 4).as_integer_ratio(), hash(Fraction(2, 1)) == hash(2), Fraction(7, 3) // 1, Fraction(7, 3) % 1, divmod(Fraction(7, 3), Fraction(1, 2)))
print(f"{Fraction(1, 3)}")
