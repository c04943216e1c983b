import codecs

print(codecs.encode("héllo", "utf-8"))
print(codecs.decode(b"h\xc3\xa9llo", "utf-8"))
print(codecs.encode("abc", "ascii"), codecs.encode("é", "latin-1"))
print(codecs.decode(b"\xe9t\xe9", "latin_1"))
info = codecs.lookup("UTF-8")
print(info.name, type(info).__name__)
print(codecs.lookup("latin1").name, codecs.lookup("ASCII").name)
print(codecs.utf_8_encode("añb"), codecs.utf_8_decode(b"a\xc3", "strict", False))
print(codecs.escape_encode(b"a'b\n\x00\\"), codecs.escape_decode(b"a\\x41\\n\\101")[0])
print("x".encode("utf-8"), codecs.encode("ü", "utf-8", "strict"))
try:
    codecs.lookup("no-such-codec")
except LookupError as e:
    print("LookupError:", e)
try:
    codecs.encode("é", "ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
print(codecs.encode("é", "ascii", "ignore"), codecs.encode("é", "ascii", "replace"))
print(codecs.lookup_error("strict") is codecs.strict_errors)
try:
    codecs.lookup_error("nope")
except LookupError as e:
    print("LookupError:", e)


def search(name):
    if name == "rot_thirteen":
        return codecs.CodecInfo(
            lambda s, errors="strict": (s[::-1], len(s)),
            lambda b, errors="strict": (bytes(b)[::-1].decode(), len(b)),
            name="rot-thirteen",
        )
    return None


codecs.register(search)
print(codecs.lookup("rot thirteen").name, codecs.encode("abc", "rot-thirteen"))
codecs.unregister(search)
dec = codecs.getincrementaldecoder("utf-8")()
print(repr(dec.decode(b"\xc3")), repr(dec.decode(b"\xa9!")))
print(codecs.BOM_UTF8, codecs.charmap_decode(b"ab", "strict", None))
