import platform, codecs, weakref, time, sys
print(platform.system(), platform.python_implementation() in ("CPython", "Pith"), type(platform.machine()).__name__, platform.python_version_tuple()[:2], type(platform.platform()).__name__)
print(codecs.encode("hello", "rot13"), codecs.decode(b"68656c6c6f", "hex"), codecs.encode(b"hi", "base64"), codecs.lookup("UTF8").name, codecs.getencoder("latin-1")("é"))
print("ünï".encode("utf-8"), b"\xc3\xbc".decode(), "x".encode("utf-16"), codecs.BOM_UTF8, "abc".encode("cp1252"), "é".encode("ascii", "replace"), "é".encode("ascii", "xmlcharrefreplace"), b"\xff".decode("utf-8", "replace"), b"\xff".decode("latin-1"))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
dec = codecs.getincrementaldecoder("utf-8")(); print(repr(dec.decode(b"\xe2\x82")), repr(dec.decode(b"\xac")))
import io
sr = codecs.getreader("utf-8")(io.BytesIO("héllo\nwörld".encode())); print(sr.readline(), sr.read())
print(codecs.encode("abc", "utf-16-le"), codecs.decode(b"a\x00", "utf-16-le"), codecs.escape_decode(b"a\\nb")[0], codecs.unicode_escape_decode("\\u00e9")[0] if hasattr(codecs, "unicode_escape_decode") else "")
class Obj:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"Obj({self.n})"
o = Obj(1); r = weakref.ref(o); print(r() is o, r().n); del o; print(r())
cache = weakref.WeakValueDictionary(); x = Obj(2); cache["x"] = x; print(list(cache.keys())); del x; print(list(cache.keys()))
p = Obj(3); pr = weakref.proxy(p); print(pr.n, repr(pr.n)); del p
try:
    pr.n
except ReferenceError as e:
    print("ReferenceError:", e)
ws = weakref.WeakSet(); a = Obj(4); ws.add(a); print(len(ws)); del a; print(len(ws))
def cb(ref): print("callback", ref is rr)
z = Obj(5); rr = weakref.ref(z, cb); del z
f = weakref.finalize(Obj(6), print, "finalized"); print(f.alive)
class M:
    def meth(self): return "m"
mm = M(); wm = weakref.WeakMethod(mm.meth); print(wm()()); del mm; print(wm())
print(type(time.time()).__name__, time.gmtime(0).tm_year, time.strftime("%Y-%m-%d", time.gmtime(86400)), time.mktime(time.localtime(1000)) == 1000.0)
print(time.struct_time((2020, 1, 2, 3, 4, 5, 3, 2, 0)), time.asctime(time.gmtime(0)), time.strptime("2020-05-06", "%Y-%m-%d")[:3], type(time.perf_counter()).__name__, type(time.monotonic_ns()).__name__)
print(sys.version_info[:2], sys.maxsize, sys.byteorder, type(sys.argv).__name__, sys.getrecursionlimit(), sys.float_info.max, sys.int_info.bits_per_digit > 0, sys.platform)
print(time.strptime("2020-05-06 10:11", "%Y-%m-%d %H:%M"))
try:
    time.strptime("x", "%Y")
except ValueError as e:
    print(e)
for d in [b'\\x4', b'ab\\', b'\\u12', b'\\U00110000', b'\\N{SNOWMAN}\\N{foo}', b'\\N', b'\\N{}x', b'\\N{SNOW', b'\\101\\"\\a\\\n']:
    for e in ['strict', 'replace', 'ignore', 'backslashreplace']:
        try:
            print(e, ascii(codecs.unicode_escape_decode(d, e)))
        except UnicodeDecodeError as x:
            print(e, type(x).__name__, x)
print(codecs.unicode_escape_decode(b'ab\\x4', 'strict', False), codecs.unicode_escape_decode(b'ab\\N{SNOW', 'strict', False))
print(codecs.raw_unicode_escape_decode(b'ab\\u12', 'strict', False), codecs.raw_unicode_escape_decode(b'ab\\', 'strict', False), codecs.raw_unicode_escape_decode(b'a\\q\\\\u0041'))
for d in [b'ab\\u12', b'ab\\U00110000']:
    try:
        codecs.raw_unicode_escape_decode(d)
    except UnicodeDecodeError as x:
        print(x)
print(codecs.unicode_escape_encode('a\'\t\x00é☃\U0001f600'), codecs.raw_unicode_escape_encode('a\\é☃\U0001f600\n'))
print(b"caf\\xe9 \\u2603".decode("unicode_escape"), "x\u20ac".encode("unicode_escape"), "\\N{BLACK STAR}".encode().decode("unicode-escape"))
dec = codecs.getincrementaldecoder("unicode_escape")()
print(repr(dec.decode(b"a\\u26")), repr(dec.decode(b"03b", final=True)))
bi = io.BytesIO(b"hello world"); print(bi.read(5), bi.getbuffer().nbytes, bytes(bi.getbuffer()[:3]), bi.write(memoryview(b"!!")), bi.getvalue(), io.BytesIO(memoryview(b"mv")).read())
