from decimal import Decimal, getcontext, ROUND_HALF_UP, ROUND_DOWN, localcontext, InvalidOperation, DivisionByZero
import decimal
a = Decimal("1.10"); b = Decimal("2.205")
print(a + b, a * b, b / a, a - b, -a, abs(-b))
print(Decimal("10") / Decimal("3"))
print((Decimal("2.675")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
print(Decimal("2.675").quantize(Decimal("0.01")))
print(Decimal("123.456").quantize(Decimal("1."), rounding=ROUND_DOWN))
print(repr(Decimal(0.1)))
print(Decimal("1e3"), Decimal("1E+3").normalize(), Decimal("100").normalize())
print(Decimal(2).sqrt())
getcontext().prec = 6
print(Decimal(1) / Decimal(7))
with localcontext() as ctx:
    ctx.prec = 40
    print(Decimal(1) / Decimal(7))
print(Decimal(1) / Decimal(7))
print(sum([Decimal("0.1")] * 10))
print(Decimal("3.14159").as_tuple())
print(Decimal("-0"), Decimal("NaN"), Decimal("Infinity"), Decimal("-inf"))
print(Decimal("1.5") < 2, Decimal("1.5") == 1.5, float(Decimal("1.25")), int(Decimal("-7.9")))
print(round(Decimal("2.5")), round(Decimal("3.14159"), 2))
print(f"{Decimal('1234.5678'):,.2f}", format(Decimal("0.000123"), "e"))
try:
    Decimal("abc")
except InvalidOperation as e:
    print("invalid", type(e).__name__)
try:
    Decimal(1) / Decimal(0)
except DivisionByZero as e:
    print("divzero", type(e).__mro__[1].__name__)
print(Decimal("7").max(Decimal("9")), Decimal(10) % 3, Decimal(-10) // 3, divmod(Decimal(17), Decimal(5)))
print(Decimal("1.000").to_integral_value(), Decimal("2.50").to_eng_string(), Decimal("12345678901234567890"))
print(hash(Decimal(5)) == hash(5), Decimal("0.1") + Decimal("0.2") == Decimal("0.3"))
print(decimal.Context(prec=3).create_decimal("3.14159"))
print(Decimal(3).ln().quantize(Decimal("1.0000")), Decimal(100).log10(), Decimal(2) ** 10, Decimal("1.1") ** 2)
