import struct, array
print(struct.pack("<I", 1), struct.pack(">hhl", 1, 2, 3), struct.unpack("<2H", b"\x01\x00\x02\x00"), struct.calcsize("@iqc"), struct.calcsize("=iqc"))
print(struct.pack("3s?d", b"ab", True, 1.5), struct.unpack("!f", struct.pack("!f", 3.14)), struct.pack("e", 0.5))
s = struct.Struct("<HHf"); print(s.size, s.format, s.pack(1, 2, 3.0), s.unpack(s.pack(1, 2, 3.0)), list(struct.iter_unpack("<h", b"\x01\x00\x02\x00")))
buf = bytearray(8); struct.pack_into("<ii", buf, 0, 7, -1); print(buf, struct.unpack_from("<i", buf, 4))
try:
    struct.pack("<h", 100000)
except struct.error as e:
    print("struct.error:", e)
try:
    struct.unpack("<i", b"ab")
except struct.error as e:
    print("struct.error:", e)
a = array.array("i", [1, 2, 3]); a.append(4); a.extend([5]); print(a, a[1:3], a.tobytes()[:8], a.itemsize, a.typecode, len(a), sum(a))
b = array.array("d", [1.5, 2.5]); print(b, b * 2, b.tolist(), array.array("u", "hi"), array.array("b", b"\x01\xff"))
a.reverse(); print(a, a.index(3), a.count(1), a.pop(), a); a.insert(0, 100); a.remove(2); print(a, repr(array.array("f")))
c = array.array("H"); c.frombytes(b"\x01\x00\x02\x00"); print(c, c.buffer_info()[1], array.typecodes)
try:
    array.array("b", [200])
except OverflowError as e:
    print("OverflowError:", e)
import io
f = io.StringIO("line1\nline2\nline3\n"); print(f.readline(), f.readlines(), f.tell(), f.read(), f.seek(0), f.read(5))
g = io.StringIO(); g.write("abc"); g.write("def"); print(g.getvalue(), g.tell(), g.seek(1), g.write("Z"), g.getvalue(), g.closed)
bi = io.BytesIO(b"hello world"); print(bi.read(5), bi.tell(), bi.getvalue(), bi.getbuffer().nbytes, bi.seek(0, 2), bi.write(b"!"), bi.getvalue())
for line in io.StringIO("a\nb"): print(repr(line))
w = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"); w.write("héllo"); w.flush(); print(w.buffer.getvalue())
with io.StringIO() as s2: s2.write("x")
print(s2.closed)
try:
    s2.read()
except ValueError as e:
    print("ValueError:", e)
import os, os.path as op
print(op.join("a", "b", "c.txt"), op.split("/x/y/z.py"), op.splitext("arch.tar.gz"), op.basename("/a/b"), op.dirname("/a/b"), op.normpath("a//b/../c/./d"))
print(op.isabs("/x"), op.commonprefix(["/usr/lib", "/usr/local"]), op.commonpath(["/usr/lib", "/usr/local"]), op.relpath("/a/b/c", "/a/d"), op.expanduser("~") == os.environ.get("HOME"))
print(op.exists("/"), op.isdir("/"), op.isfile("/"), os.sep, os.linesep == "\n", os.name, op.splitdrive("c:/x"), op.abspath("/a/../b"))
print(type(os.environ).__name__, "PATH" in os.environ, os.getcwd() == op.abspath("."), os.path.join("/", "etc"), os.fspath("p"), os.curdir, os.pardir)
import tempfile
with tempfile.TemporaryDirectory() as td:
    p = op.join(td, "f.txt")
    with open(p, "w") as fh: fh.write("hi\nthere\n")
    print(os.listdir(td), op.getsize(p), open(p).read().splitlines())
    os.makedirs(op.join(td, "x", "y")); os.rename(p, op.join(td, "g.txt")); print(sorted(os.listdir(td)))
    print(sorted((op.relpath(r, td), sorted(ds), sorted(fs)) for r, ds, fs in os.walk(td)))
    print(sorted(e.name for e in os.scandir(td)), [e.is_dir() for e in sorted(os.scandir(td), key=lambda e: e.name)])
