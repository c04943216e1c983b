import base64
import binascii
import struct

print(struct.pack("<I", 7), struct.unpack(">H", b"\x01\x02"), struct.calcsize("@iq"))
print(struct.Struct("<3s").unpack(b"abc"), struct.error.__module__)
print(base64.b64encode(b"hello world"), base64.b64decode(b"aGVsbG8gd29ybGQ="))
print(base64.urlsafe_b64encode(b"\xfb\xff\xfe"), base64.b32encode(b"abc"), base64.b16encode(b"\x01\xab"))
print(base64.b85encode(b"hello"), base64.a85encode(b"hello"), base64.b32decode(b"MFRGG==="))
print(base64.encodebytes(b"x" * 60))
print(binascii.hexlify(b"\x00\xffab"), binascii.unhexlify("00ff6162"), binascii.crc32(b"hello"))
from _operator import _compare_digest

print(_compare_digest(b"a", bytearray(b"a")), _compare_digest("ab", "ac"))
print(binascii.b2a_base64(b"\x00\x01\x02\x03"), binascii.a2b_base64("AAECAw=="), binascii.crc_hqx(b"abc", 0))
for d in [b"=abc", b"ab==c", b"a!bc", b"ab=c", b"abc", b"a", b"abcde", b"ab=", b"YWJj\n", b"ab==", b"ab=d==", b"abcd="]:
    for strict in (False, True):
        try:
            print(d, strict, binascii.a2b_base64(d, strict_mode=strict))
        except binascii.Error as e:
            print(d, strict, "Error", e)
calls = [
    lambda: binascii.unhexlify("abc"),
    lambda: binascii.unhexlify("zz"),
    lambda: binascii.a2b_base64("\xe9"),
    lambda: binascii.hexlify("x"),
    lambda: binascii.hexlify(b"abcdef", "-", 2),
    lambda: binascii.hexlify(b"abcde", "-", 2),
    lambda: binascii.hexlify(b"abcdef", b":", -4),
    lambda: binascii.b2a_hex(b"ab", "--"),
    lambda: binascii.crc32(b"abc", 5),
    lambda: binascii.crc_hqx(b"abc", -1),
    lambda: binascii.crc32(b"abc", -1),
    lambda: binascii.crc32(b"abc", 2**40 + 3),
    lambda: binascii.b2a_base64(b"ab", newline=False),
    lambda: binascii.a2b_hex(b"0A"),
    lambda: binascii.b2a_uu(b"hello"),
    lambda: binascii.b2a_uu(b"", backtick=True),
    lambda: binascii.a2b_uu(b"%:&5L;&\\\n"),
    lambda: binascii.a2b_uu(b"%:&5L;&\\ \n"),
    lambda: binascii.Error.__mro__,
    lambda: binascii.Incomplete.__mro__,
    lambda: binascii.crc32("x"),
    lambda: binascii.a2b_base64(5),
    lambda: _compare_digest("\xe9", "\xe9"),
    lambda: _compare_digest("a", b"a"),
    lambda: _compare_digest(1, 2),
]
for c in calls:
    try:
        print(c())
    except Exception as e:
        print(type(e).__name__, e)
