# _io.StringIO and _io.BytesIO, and the classes of _io.
from _io import StringIO, BytesIO
import _io

s = StringIO()
print(type(s).__name__, s.closed, s.write("héllo\n"), s.write("wörld\n"), s.tell())
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), s.tell(), repr(s.read(2)), repr(s.read()))
print(s.seek(0, 2), s.tell())
s.seek(1)
s.write("E")
print(repr(s.getvalue()))
s.seek(0)
print(list(s))
s.seek(0)
print(s.readlines())
print(s.truncate(3), repr(s.getvalue()))
with StringIO("a\nb\r\nc") as t:
    print([line for line in t])
print(t.closed)
try:
    t.getvalue()
except ValueError as e:
    print(e)
try:
    s.write(b"x")
except TypeError as e:
    print(e)
try:
    s.seek(1, 1)
except OSError as e:
    print(type(e).__name__, e)
print(repr(StringIO("x\r\ny", newline=None).getvalue()))
print(StringIO("abc").read(1))
b = BytesIO(b"abc\ndef\n")
print(b.read(2), b.readline(), b.tell(), b.read(), b.read())
print(b.write(b"XY"), b.getvalue(), b.seek(0), b.readlines())
b.seek(10)
b.write(b"!")
print(b.getvalue())
try:
    b.write("str")
except TypeError as e:
    print(e)
class Sub(StringIO):
    def extra(self):
        return self.getvalue().upper()
x = Sub("q")
print(x.extra(), isinstance(x, StringIO), isinstance(x, _io._TextIOBase))
print(_io.DEFAULT_BUFFER_SIZE, issubclass(_io.UnsupportedOperation, OSError), issubclass(_io.UnsupportedOperation, ValueError))
print(_io.StringIO.__module__, _io.TextIOWrapper.__name__, _io.BufferedReader)
