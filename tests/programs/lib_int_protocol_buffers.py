# int(x) as PyNumber_Long: __int__, __index__, the deprecated __trunc__,
# int subclasses, the bytes of buffers; array.array as a buffer exporter.
import warnings
from array import array


def show(label, f):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            r = f()
            print(label, "->", repr(r), type(r).__name__)
        except Exception as e:
            print(label, "!!", type(e).__name__, e)
    for w in caught:
        print("   ", w.category.__name__, w.message)


class MyInt(int):
    def __int__(self):
        return 42


class BadInt(int):
    def __int__(self):
        return 42.0


class MyIndex(int):
    def __index__(self):
        return 42


class Index:
    def __index__(self):
        return 7


class BoolIndex:
    def __index__(self):
        return True


class BoolInt:
    def __int__(self):
        return True


class Trunc:
    def __trunc__(self):
        return 12


class TruncIndex:
    def __trunc__(self):
        return Index()


class TruncBad:
    def __trunc__(self):
        return "x"


class Both:
    def __int__(self):
        return 1

    def __trunc__(self):
        return 2


class StrSub(str):
    pass


show("MyInt", lambda: int(MyInt(7)))
show("BadInt", lambda: int(BadInt(7)))
show("MyIndex", lambda: int(MyIndex(7)))
show("Index", lambda: int(Index()))
show("BoolIndex", lambda: int(BoolIndex()))
show("BoolInt", lambda: int(BoolInt()))
show("Trunc", lambda: int(Trunc()))
show("TruncIndex", lambda: int(TruncIndex()))
show("TruncBad", lambda: int(TruncBad()))
show("Both", lambda: int(Both()))
show("object", lambda: int(object()))
show("StrSub", lambda: int(StrSub("0x1f"), 16))
show("StrSub base 0", lambda: int(StrSub("0b101"), 0))
show("base index", lambda: int("101", base=Index()))
show("base huge", lambda: int("1", 2**100))
show("base 37", lambda: int("1", 37))
show("base only", lambda: int(base=10))
show("keyword x", lambda: int(x="1"))
show("non-string base", lambda: int(12, 10))
show("memoryview", lambda: int(memoryview(b"1234")[1:3]))
show("memoryview bad", lambda: int(memoryview(b"12x")))
show("array", lambda: int(array("B", b"100")))
show("array base", lambda: int(array("B", b"100"), 2))
show("bytearray base", lambda: int(bytearray(b"ff"), 16))
show("float memoryview", lambda: float(memoryview(b"2.5")))

a = array("i", [1, 2])
show("bytes(array)", lambda: bytes(a))
show("bytearray(array)", lambda: bytearray(a))
show("join", lambda: b"-".join([a, b"x", memoryview(b"yz")]))
show("from_bytes", lambda: int.from_bytes(array("B", [1, 2]), "big"))
show("find", lambda: b"abcd".find(array("B", b"cd")))
show("unicode array", lambda: bytes(array("u", "ab")))
