import sys

# `%` multiplies by 100 first: a product that overflows is infinite.
big = 1.7976931348623157e308
for spec in [".100000%", ".3%", "%", "10.2%", "+.1%", "E", ".0%"]:
    print(spec, repr(format(big, spec)), repr(format(-big, spec)))
print(repr(format(1e306, ".1%")), repr(format(1e-300, ".5%")))
print(repr("{:>12.2%}".format(float("inf"))), repr("{:.2%}".format(float("nan"))))

# The digit limit of int->str conversions covers every decimal route,
# printf-style ones included; hex and octal are exempt.
sys.set_int_max_str_digits(1000)
huge = 7 ** 1300
attempts = {
    "%d": lambda: "%d" % huge,
    "%i": lambda: "%i" % huge,
    "%u": lambda: "%u" % -huge,
    "%s": lambda: "%s" % huge,
    "%r": lambda: "%r" % (huge,),
    "%a": lambda: "%a" % huge,
    "b%d": lambda: b"%d" % huge,
    "%x": lambda: "%x" % huge,
    "%o": lambda: "%#o" % huge,
    "%5d small": lambda: "%5d" % 12345678901234567890123,
    "%s small": lambda: "%s" % (10 ** 999),
}
for name, fn in attempts.items():
    try:
        out = fn()
        print(name, "ok", len(out))
    except ValueError as e:
        print(name, "ValueError", str(e)[:40])
