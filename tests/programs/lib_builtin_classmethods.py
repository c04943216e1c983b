# The class methods of builtin types (dict.fromkeys, int.from_bytes,
# float.fromhex, bytes.fromhex, bytearray.fromhex) build the class they are
# called on, through the class or an instance.
from collections import OrderedDict, Counter


class D(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)


class I(int):
    def __repr__(self):
        return f"I({int(self)})"


class F(float):
    pass


class B(bytes):
    pass


class BA(bytearray):
    pass


d = D.fromkeys("ab", 0)
print(type(d).__name__, d)
print(type(D().fromkeys("x")).__name__, type(dict.fromkeys("x")).__name__, type({}.fromkeys("y")).__name__)
print(OrderedDict.fromkeys("abc"), type(OrderedDict.fromkeys("a")).__name__)
print(I.from_bytes(b"\x01\x00", "big"), type(I.from_bytes(b"\x01", "little")).__name__,
      type(int.from_bytes(b"\x01", "little")).__name__, (5).from_bytes(b"\x02", "big"))
print(F.fromhex("0x1.8p1"), type(F.fromhex("0x1p0")).__name__, type((1.0).fromhex("0x1p0")).__name__)
print(B.fromhex("6162"), type(B.fromhex("61")).__name__, type(b"".fromhex("61")).__name__)
print(BA.fromhex("6162"), type(BA.fromhex("61")).__name__, type(bytearray.fromhex("61")).__name__)
print(bytes.maketrans(b"a", b"b"), str.maketrans("a", "b"))
for bad in (lambda: dict.fromkeys(), lambda: dict.fromkeys(1, 2, 3), lambda: D.fromkeys(5),
            lambda: I.from_bytes("x", "big"), lambda: F.fromhex(1), lambda: B.fromhex("zz")):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
