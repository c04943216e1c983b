# UTF-7 (encoding, decoding with every error, incremental decoding) and
# escape_decode's error modes; incremental UTF-8 fails early on bytes that
# can never start a valid sequence.
import codecs

for s in ["a+b", "hi\u20ac there\U0001f600-x~\\", "\ud800", "a\xe9-b",
          "A\u2262\u0391.", "", "+", "\U0010ffff\ud800x\udc00", "a\tb\nc\r"]:
    b = s.encode("utf-7")
    print(repr(s), b, b.decode("utf-7") == s)

for b in [b"+AGE", b"+AGE-", b"+AG", b"+\xff", b"a\xffb", b"+2D3eAA-", b"+2D0-",
          b"+AGEA", b"+AGEAYQ", b"+", b"a+", b"+2D0", b"+2D3-", b"+AGF-", b"+AG.x",
          b"\x80+AGE"]:
    for final in (False, True):
        for errors in ("replace", "strict", "backslashreplace", "ignore"):
            try:
                r = codecs.utf_7_decode(b, errors, final)
            except UnicodeDecodeError as e:
                r = "UnicodeDecodeError: %s %r" % (e, (e.start, e.end, e.reason))
            print(b, final, errors, r)

d = codecs.getincrementaldecoder("utf-7")()
print([d.decode(bytes([c])) for c in b"a+AGEAYQ-b+2D3eAA-"], repr(d.decode(b"", True)))

seen = []
def record(e):
    seen.append((e.encoding, e.start, e.end, e.reason))
    return ("<>", e.end)
codecs.register_error("t7.record", record)
print(b"a+AGEA-\x80+AG.+!".decode("utf-7", "t7.record"), seen)

for errors in ("strict", "ignore", "replace", "other"):
    for b in [rb"\x", rb"\x0", rb"[\x]", rb"[\x0]", rb"[\xg]", rb"[\x41]"]:
        try:
            r = codecs.escape_decode(b, errors)
        except ValueError as x:
            r = "ValueError: %s" % x
        print(errors, b, r)

for data in [b"\xe0\x80", b"\xe0\x9f", b"\xed\xa0\x80", b"\xf4\x90", b"\xe0", b"\xed\xa0", b"\xf0\x90\x80"]:
    try:
        r = codecs.utf_8_decode(data, "strict", False)
    except UnicodeDecodeError as e:
        r = "UnicodeDecodeError: %s" % e
    print(data, r)
try:
    "[\udc80\ud800\udfff]".encode("utf-8", "surrogateescape")
except UnicodeEncodeError as e:
    print(e.start, e.end, e)
print(codecs.readbuffer_encode(b"ab"), codecs.readbuffer_encode("\xe9"))
