# Bytes-like arguments of native modules: bytes, bytearray, memoryview and
# subclasses of bytes/bytearray are accepted alike; anything else is a TypeError.
import binascii
import marshal
import struct
import zlib
import hashlib
import array


class B(bytes):
    pass


class BA(bytearray):
    pass


packed = struct.pack("<ih", 7, -2)
for data in (packed, bytearray(packed), memoryview(packed), B(packed), BA(packed)):
    print(type(data).__name__, struct.unpack("<ih", data))
    print(" hex", binascii.hexlify(data), binascii.crc32(data))
    print(" zlib", zlib.decompress(zlib.compress(data)) == packed, zlib.crc32(data))
    print(" md5", hashlib.md5(data).hexdigest())

print(marshal.loads(memoryview(marshal.dumps((1, "two", 3.0)))))
print(marshal.loads(B(marshal.dumps([None, True]))))

a = array.array("h")
a.frombytes(BA(b"\x01\x00\x02\x00"))
print(a)
print(array.array("b", B(b"\x05\x06")))

for call in (
    lambda: struct.unpack("<i", "abcd"),
    lambda: binascii.hexlify("ab"),
    lambda: zlib.compress(12),
    lambda: marshal.loads([1]),
    lambda: a.frombytes("xy"),
    lambda: hashlib.sha1("text"),
    lambda: hashlib.sha1(3),
):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

m = memoryview(b"abcd")
m.release()
try:
    binascii.hexlify(m)
except ValueError as e:
    print("ValueError:", e)

# %-formatting with mapping keys, %r under a key, and parentheses inside a key.
d = {"name": "pith", "v": [1, "x"], "a(b)": 3.5}
print("%(name)s has %(v)r and %(a(b))06.2f" % d)
print("%(name)r|%(name)-8s|%(v)a" % d)
