# A TextIOWrapper over a BytesIO encodes into it, and decodes from it.
import io

t = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
t.write("héllo\n")
t.write("wörld")
t.flush()
print(t.buffer.getvalue())
print(t.buffer.getvalue().decode("utf-8"))

r = io.TextIOWrapper(io.BytesIO("abc\ndéf\nlast".encode()), encoding="utf-8")
print(repr(r.readline()), repr(r.read()))

raw = io.BytesIO()
w = io.TextIOWrapper(raw, encoding="latin-1")
w.write("café")
w.flush()
print(raw.getvalue(), raw.tell())

b = io.BytesIO(b"one\ntwo\n")
lines = io.TextIOWrapper(b, encoding="ascii")
print([line for line in lines])
