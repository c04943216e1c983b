import _struct as struct

print(struct.pack("<hHiIqQ", -2, 65535, -(2**31), 2**32 - 1, -(2**63), 2**64 - 1))
print(struct.pack(">hHiIqQ", -2, 65535, -(2**31), 2**32 - 1, -(2**63), 2**64 - 1))
print(struct.pack("@bhiq", 1, 2, 3, 4), struct.calcsize("@bhiq"), struct.calcsize("bi"), struct.calcsize("ib"))
print(struct.pack("=bhiq", 1, 2, 3, 4), struct.calcsize("=bhiq"))
print(struct.pack("!lL", -5, 7), struct.pack("@lLnNP", -5, 7, -1, 2, 3))
print(struct.pack("<efd", 1.5, 3.25, -0.1), struct.pack(">efd", 1.5, 3.25, -0.1))
print(struct.pack("5s3p2c?x?", b"hello world", b"abcdef", b"x", b"y", [], 2))
print(struct.unpack("5s3p2c?x?", struct.pack("5s3p2c?x?", b"hi", b"abcdef", b"x", b"y", [], 2)))
data = struct.pack("<hHiIqQefd", -2, 65535, -(2**31), 2**32 - 1, -(2**63), 2**64 - 1, 0.5, 2.5, 1e300)
print(struct.unpack("<hHiIqQefd", data))
print(struct.unpack(">HI", b"\x01\x02\x03\x04\x05\x06"), struct.unpack("<HI", b"\x01\x02\x03\x04\x05\x06"))
for x in [0.0, -0.0, 1e-8, 6.1e-5, 65504.0, 1 / 3, float("inf"), float("-inf"), 2.0**-24, 3 * 2.0**-25]:
    b = struct.pack("<e", x)
    print(x, b, struct.unpack("<e", b))
print(struct.unpack("<e", b"\x01\x7e"), struct.unpack("<f", struct.pack("<f", 0.1)))
print(struct.calcsize("1000000000i"), struct.calcsize("0i"), struct.calcsize("i 2h\t3x"), struct.calcsize(b"qc"))
s = struct.Struct("<2hx")
print(s.format, s.size, s.pack(1, 2), s.unpack(b"abcde"), s.unpack_from(b"xabcde", 1), s.unpack_from(buffer=b"abcdeZ"))
print(struct.Struct(b"!i").format, struct.Struct(format="i").size)
buf = bytearray(10)
struct.pack_into("<hi", buf, 2, 7, -1)
s.pack_into(buf, -5, 3, 4)
print(buf, struct.unpack_from("<hi", buf, 2), struct.unpack_from("<h", buf, offset=-5))
it = struct.iter_unpack("<h", b"123456")
print(it.__length_hint__(), next(it), list(it), it.__length_hint__())
print(list(s.iter_unpack(b"abcdeABCDE")))
print(struct.unpack("2i", memoryview(b"12345678")), struct.unpack("i", bytearray(b"abcd")))


class Idx:
    def __index__(self):
        return 42


print(struct.pack("<i", Idx()), struct.pack("<d", 3), struct.pack("<q", True))


class Sub(struct.Struct):
    pass


print(Sub("<h").pack(5), isinstance(Sub("i"), struct.Struct))

cases = [("b", 200), ("B", -1), ("h", 40000), ("H", -1), ("i", 2**31), ("I", -1), ("l", 2**63),
         ("L", -1), ("q", 2**63), ("Q", -1), ("n", 2**63), ("N", -1), ("P", -1), ("P", 2**64),
         ("<b", 200), ("<B", 256), ("<h", 40000), ("<H", -1), ("<i", 2**31), ("<I", -1),
         ("<l", 2**31), ("<L", 2**32), ("<q", 2**63), ("<Q", -1), (">Q", 2**64), (">q", 2**63),
         (">Q", -1), ("<I", 2**32), ("I", 2**64), ("<i", 2**63), ("b", 2**63), ("<h", 2**64),
         (">i", 2**40), (">I", -1), (">h", 2**20), ("i", "x"), ("i", 1.5), ("f", 2**1000), ("<f", 1e300),
         ("e", 1e10), ("<e", 65520.0), ("d", "x"), ("d", 2**10000), ("c", b"ab"), ("c", 1),
         ("c", bytearray(b"a")), ("s", 1), ("p", "x"), ("x", None)]
for f, v in cases:
    try:
        print(f, struct.pack(f, v))
    except Exception as e:
        print(f, type(e).__name__, e)
for f in ["2", "z", "<n", "<P", "3 i", "@3x", "999999999999999999999i", "\0", "ii", "!i", "4sx", "<N"]:
    try:
        print(repr(f), struct.calcsize(f))
    except Exception as e:
        print(repr(f), type(e).__name__, e)
calls = [
    lambda: struct.pack("ii", 1),
    lambda: struct.unpack("ii", b"123"),
    lambda: struct.unpack_from("i", b"12345", 3),
    lambda: struct.unpack_from("i", b"12345", -10),
    lambda: struct.unpack_from("i", b"12345", -3),
    lambda: struct.pack_into("i", bytearray(3), 0, 1),
    lambda: struct.pack_into("i", bytearray(8), 6, 1),
    lambda: struct.pack_into("i", b"12345678", 0, 1),
    lambda: struct.pack_into("i", bytearray(8), -2, 1),
    lambda: struct.pack_into("i", bytearray(8), -20, 1),
    lambda: struct.pack_into("i", bytearray(8), 0),
    lambda: struct.iter_unpack("i", b"12345"),
    lambda: struct.iter_unpack("", b""),
    lambda: struct.pack(),
    lambda: struct.pack(1),
    lambda: struct.Struct("i").pack(1, 2),
    lambda: struct.unpack("i", "abcd"),
    lambda: struct.unpack("i"),
    lambda: struct.calcsize(),
]
for c in calls:
    try:
        print(c())
    except Exception as e:
        print(type(e).__name__, e)
print(struct.error, struct.error.__mro__, struct.Struct, type(struct.iter_unpack("b", b"")))
try:
    struct.pack("b", 1000)
except struct.error as e:
    print("caught", repr(e), e.args)
struct._clearcache()
print(struct.__doc__.splitlines()[0])
struct.pack("h", 99999)
