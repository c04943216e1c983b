# decimal (through _pydecimal and _contextvars) and fractions.
import decimal, fractions
from decimal import Decimal, getcontext, localcontext
from fractions import Fraction
print(Decimal("1.1") + Decimal("2.2"), Decimal(1) / Decimal(7), getcontext().prec)
getcontext().prec = 6
print(Decimal(1) / Decimal(7), Decimal("3.14159").quantize(Decimal("0.01")), repr(Decimal("-0.5")))
with localcontext() as ctx:
    ctx.prec = 3
    print(Decimal(2).sqrt(), ctx.prec)
print(getcontext().prec, Decimal(10) ** 20, Decimal("1e3").to_integral(), Decimal(0.1))
print(f"{Decimal('1234.5678'):.2f}", str(Decimal("NaN")), Decimal("1.30") == Decimal("1.3"), hash(Decimal(2)) == hash(2))
print(sum([Decimal("0.1")] * 10), Decimal("7").max(Decimal("3")), round(Decimal("2.675"), 2), int(Decimal("9.99")))
try:
    Decimal(1) / Decimal(0)
except decimal.DivisionByZero as e:
    print(type(e).__name__)
print(Fraction(1, 3) + Fraction(1, 6), Fraction(3, 4) * 2, repr(Fraction(6, 8)), Fraction("0.25"), Fraction(0.5))
print(Fraction(1, 3) < 0.34, float(Fraction(1, 8)), Fraction(7, 2).limit_denominator(1), Fraction(22, 7) ** 2, -Fraction(1, 2))
print(Fraction(10, 4).numerator, Fraction(10, 4).denominator, Fraction(3, 2) // 1, round(Fraction(5, 2)), Fraction(1, 3) == Fraction(2, 6), hash(Fraction(1, 2)) == hash(0.5))
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(Fraction(Decimal("1.5")), Decimal(3).as_integer_ratio(), f"{Fraction(1, 3):}")
