# complex(), bytes(), bytearray() with __complex__, __float__, __index__,
# __bytes__ and iterables, with CPython's errors.
class C:
    def __complex__(self):
        return 1 + 2j


class F:
    def __float__(self):
        return 2.5


class I:
    def __index__(self):
        return 3


class B:
    def __bytes__(self):
        return b"xy"


class Items:
    def __iter__(self):
        return iter([I(), 65])


print(complex(C()), complex(F()), complex(I()), complex(F(), F()), complex(1, I()))
print(complex("1+2j"), complex(1, 2j), complex(real=1, imag=2))
print(bytes(B()), bytes(I()), bytes(Items()), bytes([1, 2]), bytes(range(3)))
print(bytes(bytearray(b"ab")), bytes(memoryview(b"zz")), bytearray(I()), bytearray([65]))
print(bytearray(b"ab"), bytearray("\u00e9", "utf-8"), bytes("ab", "ascii"))


class BadComplex:
    def __complex__(self):
        return 1


class BadBytes:
    def __bytes__(self):
        return 1


for call in [
    lambda: complex(BadComplex()),
    lambda: bytes(BadBytes()),
    lambda: complex(object()),
    lambda: complex(1, object()),
    lambda: complex(None),
    lambda: complex("x"),
    lambda: complex("1", 2),
    lambda: complex(1, "1"),
    lambda: bytes("x"),
    lambda: bytes(3.5),
    lambda: bytes([256]),
    lambda: bytes(["a"]),
    lambda: bytes(-1),
    lambda: bytes(object()),
]:
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
