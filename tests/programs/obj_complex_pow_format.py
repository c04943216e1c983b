# complex ** follows CPython's errno rules; __complex__ of subclasses;
# ',' and '_' grouping in complex formats.
import sys

vals = [0.0, 1.0, -2.5, 1e300, float("inf"), float("nan"), sys.maxsize]
for a in vals:
    for b in (0.0, 1.0, 1e300):
        for e in (complex(a, b), complex(b, a)):
            for p in (2, 0.5j, complex(1e300, 1e300), -1, complex(sys.maxsize, sys.maxsize)):
                try:
                    r = e ** p
                except (OverflowError, ZeroDivisionError) as x:
                    r = type(x).__name__ + ": " + str(x)
                print(e, p, r)


class C0(complex):
    def __complex__(self):
        return 42j


class C2(complex):
    def __complex__(self):
        return None


print(complex(C0(1j)), (3 + 4j).__complex__(), type(C0(2).__complex__()).__name__)
try:
    complex(C2(1j))
except TypeError as e:
    print("TypeError:", e)
print(format(1.5e20 + 3j, ",.2f"), format(1.5e20 + 3j, "^44,.2f"), format(-12345.5 - 1234567j, "_"))
print(format(1234567.25 + 0j, ",g"), format(complex(1e6, -2e6), ",.1f"))


# complex(subclass instance) keeps the signs of zero parts.
class Plain(complex):
    pass


for x in (0.0, -0.0):
    for y in (0.0, -0.0):
        z = complex(Plain(x, y))
        print(type(z).__name__, repr(z.real), repr(z.imag), repr(complex(Plain(x, y), 0.0).imag))
