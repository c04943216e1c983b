# A decoding error handler may replace the exception's `object`: the decoder
# goes on over the new bytes from the position the handler returned.
import codecs


def replace_with_long(exc):
    if isinstance(exc, UnicodeDecodeError):
        exc.object = b"\x00" * 8
        return ("\ufffd", exc.start)
    raise TypeError("don't know how to handle %r" % exc)


codecs.register_error("test.replace_with_long", replace_with_long)
print(ascii(b"\x00".decode("utf-16", "test.replace_with_long")))
print(ascii(b"\x00".decode("utf-32", "test.replace_with_long")))
print(ascii(b"\x00".decode("utf-16-le", "test.replace_with_long")))
print(ascii(codecs.unicode_escape_decode(b"ab\\", "test.replace_with_long")))
print(ascii(codecs.utf_16_le_decode(b"\x00", "test.replace_with_long", True)))
print(ascii(codecs.utf_16_le_decode(b"\x00\x00\x00", "test.replace_with_long", False)))


def forward(exc):
    return ("\ufffd", exc.start + 1)


codecs.register_error("test.forward", forward)
print(ascii(b"\xd8\xd8\xd8\xd8\xd8\x00\x00\x00".decode("utf-16-le", "test.forward")))
print(ascii(b"\x11\x11\x11\x00\x00\x11\x11\x00\x00\x00\x00".decode("utf-32-be", "test.forward")))


def not_bytes(exc):
    exc.object = "text"
    return ("?", exc.end)


codecs.register_error("test.not_bytes", not_bytes)
try:
    codecs.utf_16_le_decode(b"\x00", "test.not_bytes", True)
except TypeError as e:
    print("TypeError", e)


def beyond(exc):
    exc.object = b"\x00\x00"
    return ("?", 5)


codecs.register_error("test.beyond", beyond)
try:
    codecs.utf_16_le_decode(b"\x00\x00\x00", "test.beyond", True)
except IndexError as e:
    print("IndexError", e)
