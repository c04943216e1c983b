# TextIOWrapper over BytesIO and binary files: decoding, newline, buffer, close.
from _io import TextIOWrapper, BytesIO
import _io
t = TextIOWrapper(BytesIO("héllo\r\nwörld\nlast".encode()), encoding="utf-8")
print(t.encoding, t.errors, type(t.buffer).__name__)
print(t.readline(), end="|")
print(t.readlines())
t.close()
print(t.closed, t.buffer.closed)
fn = "/tmp/pith_imp_io_wrap.txt"
with open(fn, "wb") as f:
    f.write(b"a\nb\n")
raw = open(fn, "rb")
w = TextIOWrapper(raw, newline="")
print(w.name, w.read(), w.buffer is raw)
w.close()
print(raw.closed)
b = BytesIO()
tw = TextIOWrapper(b, encoding="latin-1")
print(tw.write("café\n"), tw.encoding)
tw.seek(0)
print(repr(tw.read()))
try:
    TextIOWrapper(5)
except Exception as e:
    print(type(e).__name__)
try:
    TextIOWrapper(BytesIO(), encoding="nope")
except LookupError as e:
    print(e)
