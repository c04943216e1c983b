# Bytes whitespace is Py_ISSPACE (the vertical tab included, \x1c-\x1f not);
# bytearray methods take __index__ objects; `in` on bytes checks byte values;
# hex() with bytes_per_sep=0; ord() of bytearray and subclasses.
import sys
from array import array

for t in (bytes, bytearray):
    b = t(b"\x09\x0a\x0b\x0c\x0d\x1c\x1d\x1e\x1f")
    print(t.__name__, b.split(), b.rsplit(), b.strip(), b.isspace(), t(b" a\x0bb ").split())
    print(t(b"a\x0bb\x0bc").split(None, 1), t(b"a\x0bb\x0bc").rsplit(None, 1))
print(bytes.fromhex("b9\x0b01 ef"), bytearray.fromhex("\x0cff"))


class Indexable:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


b = bytearray(b"ab")
b.append(Indexable(99))
b.insert(Indexable(0), Indexable(100))
b.extend([Indexable(101)])
b[Indexable(1)] = Indexable(102)
b.remove(Indexable(98))
print(b)
for bad in (Indexable(300), Indexable(-1), 2**70, "x"):
    try:
        b.append(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

for item in (97, Indexable(98), 300, -1, 2**70, True, b"ab", bytearray(b"b"), memoryview(b"a"), array("B", b"ab"), "a"):
    try:
        print(type(item).__name__, item in b"ab", item in bytearray(b"ab"))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

data = b"\xb9\x01\xef"
print(data.hex(":", 0), data.hex(":", 1), data.hex(":", -2), data.hex(":", 2), bytearray(data).hex("-", 0))


class BS(bytes):
    pass


class SS(str):
    pass


print(ord(bytearray(b"z")), ord(BS(b"y")), ord(SS("x")))
for bad in (bytearray(), bytearray(b"ab"), BS(b""), 5):
    try:
        ord(bad)
    except TypeError as e:
        print(e)
try:
    bytearray(b"a")[sys.maxsize]
except IndexError as e:
    print(e)
