import io, os, tempfile
p = os.path.join(tempfile.mkdtemp(prefix="pith_io16"), "f.txt")
with io.open(p, "w", encoding="utf-16") as f: f.write("hi\nthere\r\nx\r")
print(open(p,'rb').read())
with io.open(p, encoding="utf-16") as f: print(repr(f.read()))
with io.open(p, encoding="utf-16") as f: print(f.readlines())
with io.open(p, encoding="utf-16", newline='') as f: print(f.readlines(), f.tell())
with io.open(p, "a", encoding="utf-16") as f: print(f.tell()); f.write("more")
with io.open(p, encoding="utf-16") as f: print(repr(f.read()))
with open(p, "w", encoding="utf-32-be", newline="\r\n") as f:
    print(type(f).__name__, f.encoding, f.write("a\nb"))
print(open(p, "rb").read())
try:
    open(p, encoding="no-such-codec")
except LookupError as e:
    print("LookupError", e)
