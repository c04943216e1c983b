# TextIOWrapper / Buffered* over Python-level streams (RawIOBase subclasses,
# gzip.GzipFile) and codecs only the registry has.
import io
class Raw(io.RawIOBase):
    def __init__(self, data): self.data=data; self.pos=0
    def readable(self): return True
    def readinto(self, b):
        n = min(len(b), 5, len(self.data)-self.pos)
        b[:n] = self.data[self.pos:self.pos+n]; self.pos += n
        return n
print(Raw(b"abcdefgh").read(3))
print(Raw(b"abcdefgh").readall())
r = io.BufferedReader(Raw(b"hello world\nline two\n"))
print(type(r), r.read(7), r.readline(), r.read())
t = io.TextIOWrapper(io.BufferedReader(Raw("héllo\nwörld\n".encode())), encoding="utf-8")
print(t, t.readline(), t.read())
for line in io.TextIOWrapper(Raw(b"a\r\nb\rc\n")):
    print(repr(line))
class W(io.RawIOBase):
    def writable(self): return True
    def write(self, b): print("write", bytes(b)); return len(b)
w = io.BufferedWriter(W())
w.write(b"abc"); w.write(b"def"); print("flush"); w.flush()

import gzip, io, csv, os, tempfile
buf = io.BytesIO()
with gzip.open(buf, "wt", encoding="utf-8") as f:
    print(type(f).__name__, f.writable(), f.readable())
    f.write("naïve line\n")
    f.writelines(["a,b\n", "1,2\n"])
    print(f.closed)
print(f.closed)
buf.seek(0)
with gzip.open(buf, "rt") as f:
    print(f.readline(), end="")
    print(f.read(3))
    print(list(f))
d = tempfile.mkdtemp()
import shutil
p = os.path.join(d, "x.csv.gz")
with gzip.open(p, "wt", newline="") as f:
    w = csv.writer(f)
    w.writerows([["name", "n"], ["x", 1], ["y", 2]])
with gzip.open(p, "rt", newline="") as f:
    print(repr(f.read()))
    f.seek(0)
    print(list(csv.DictReader(f)))
    print(f.tell() > 0)
with gzip.open(p, "rt") as f:
    print(f.name == p, f.encoding, f.newlines)
    print(repr(f).startswith("<_io.TextIOWrapper"))
t = io.TextIOWrapper(io.BytesIO(), encoding="utf-16")
t.write("hé"); t.flush(); print(t.buffer.getvalue())
t.seek(0); print(t.read())
t = io.TextIOWrapper(io.BytesIO("a\r\nb".encode("cp1252")), encoding="cp1252", newline="")
print(t.readlines())
try:
    f = gzip.open(p, "rt"); f.close(); f.read()
except ValueError as e:
    print("ValueError", e)
print(io.BufferedReader(io.BytesIO(b"xy\nz")).readlines())

shutil.rmtree(d)
