# Registered error handlers reach every native codec: the exception they get
# (span, reason, object), str and bytes replacements, negative and
# out-of-bounds positions, and the built-in handlers called directly.
import codecs


def show(e):
    return (type(e).__name__, getattr(e, "encoding", None), e.object, e.start, e.end, e.reason)


seen = []


def record(e):
    seen.append(show(e))
    if isinstance(e, UnicodeDecodeError):
        return ("<%d:%d>" % (e.start, e.end), e.end)
    return ("[%d:%d]" % (e.start, e.end), e.end)


codecs.register_error("t.record", record)


def run(label, f):
    seen.clear()
    try:
        r = f()
    except Exception as x:
        r = "%s: %s" % (type(x).__name__, x)
    print(label, repr(r))
    for s in seen:
        print("   ", s)


text = "a\udc80\udc81b\u1234\xe9"
for enc in ["utf-8", "ascii", "latin-1", "cp1252", "utf-16-le", "utf-32-be"]:
    run("encode " + enc, lambda: text.encode(enc, "t.record"))

data = b"a\xff\xc3\x80\xed\xa0\x80b\xe1\x80"
for enc in ["utf-8", "ascii", "cp1252", "iso8859-6", "latin-1"]:
    run("decode " + enc, lambda: data.decode(enc, "t.record"))

run("utf_8_decode partial", lambda: codecs.utf_8_decode(b"a\xffb\xe1\x80", "t.record", False))
run("utf_8_decode final", lambda: codecs.utf_8_decode(b"a\xffb\xe1\x80", "t.record", True))
run("charmap_decode str", lambda: codecs.charmap_decode(b"abc", "t.record", "a"))
run("charmap_decode dict", lambda: codecs.charmap_decode(b"abc", "t.record", {97: "x", 98: None, 99: 0x10FFFF}))
run("charmap_encode", lambda: codecs.charmap_encode("abcd", "t.record", {97: 1, 98: None, 100: b"DD"}))
run("charmap_encode none", lambda: codecs.charmap_encode("a\u20ac", "t.record", None))


# Bytes replacements, and positions counted from the end.
codecs.register_error("t.bytes", lambda e: (b"\xff\xfe", e.end))
codecs.register_error("t.back", lambda e: ("?", -1) if e.end < len(e.object) else ("!", e.end))
codecs.register_error("t.far", lambda e: ("x", 100))
codecs.register_error("t.notuple", lambda e: 42)
codecs.register_error("t.strpos", lambda e: ("x", "y"))
codecs.register_error("t.nonascii", lambda e: ("\xe9", e.end))
for enc in ["utf-8", "ascii", "latin-1", "utf-16-le", "utf-32-le"]:
    run("bytes " + enc, lambda: "a\udc80b".encode(enc, "t.bytes"))
for h in ["t.back", "t.far", "t.notuple", "t.strpos", "t.nonascii"]:
    run("enc " + h, lambda: "ab\u1234cd".encode("ascii", h))
    run("dec " + h, lambda: b"ab\xffcd".decode("ascii", h))
run("utf8 non-ascii replacement", lambda: "a\udc80".encode("utf-8", "t.nonascii"))
run("latin1 replacement", lambda: "a\u1234".encode("latin-1", "t.nonascii"))


# A handler that hands the decoder new input through exc.object.
def swap(e):
    e.object = b"XYZ" + e.object[e.end:]
    return ("_", 3)


codecs.register_error("t.swap", swap)
run("swap", lambda: b"a\xffbc".decode("utf-8", "t.swap"))

# No handler is looked up when nothing fails.
print("abc".encode("ascii", "no.such"), b"abc".decode("ascii", "no.such"))
run("unknown handler", lambda: "ab\xe9".encode("ascii", "no.such"))

# The built-in handlers, by name and directly.
for name in ["strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace",
             "namereplace", "surrogateescape", "surrogatepass"]:
    h = codecs.lookup_error(name)
    for exc in [
        UnicodeEncodeError("utf-8", "a\udc80\u20ac\U0001f600", 1, 4, "r"),
        UnicodeDecodeError("utf-8", b"a\xed\xb2\x80\xff", 1, 4, "r"),
        UnicodeDecodeError("utf-16-le", bytearray(b"\x00\xdc"), 0, 2, "r"),
        UnicodeTranslateError("a\u3042b", 1, 2, "r"),
        UnicodeError("plain"),
        42,
    ]:
        try:
            r = h(exc)
        except Exception as x:
            r = "%s: %s" % (type(x).__name__, x)
        print(name, type(exc).__name__, repr(r))
for enc in ["ascii", "latin-1", "utf-8", "cp1252"]:
    run("namereplace " + enc, lambda: "a\xe9\u20ac\U0001f600\udc80".encode(enc, "namereplace"))
run("surrogateescape cp1252", lambda: b"a\x81".decode("cp1252", "surrogateescape"))
run("surrogatepass utf-16-be", lambda: b"\xd8\x00".decode("utf-16-be", "surrogatepass"))

# Clamped spans.
print(codecs.replace_errors(UnicodeEncodeError("ascii", "abc", -5, 10, "r")))
print(codecs.ignore_errors(UnicodeEncodeError("ascii", "", 3, 0, "r")))

# The exceptions check their arguments.
for cls, args in [
    (UnicodeEncodeError, ("ascii", "a", 1, 2)),
    (UnicodeEncodeError, (1, "a", 1, 2, "r")),
    (UnicodeEncodeError, ("ascii", "a", "1", 2, "r")),
    (UnicodeDecodeError, ("ascii", "a", 1, 2, "r")),
    (UnicodeDecodeError, ("ascii", memoryview(b"ab"), 1, 2, "r")),
    (UnicodeTranslateError, ("a", 1, 2)),
    (UnicodeTranslateError, (b"a", 1, 2, "r")),
]:
    try:
        e = cls(*args)
        print(cls.__name__, repr(e.object), e)
    except TypeError as x:
        print(cls.__name__, "TypeError:", x)
