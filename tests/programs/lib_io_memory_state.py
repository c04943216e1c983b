# StringIO and BytesIO: positions, sizes given by __index__, the newlines
# record (StringIO writes, text-file reads), TextIOWrapper-like attributes,
# overseek padding, and the pickling state (__getstate__/__setstate__).
import copy
import io
import os
import pickle
import tempfile


class Size:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


s = io.StringIO("abcdef")
s.read(3)
print("seek cur", s.seek(0, 1), s.tell(), s.read())
print("attrs", s.encoding, s.errors, s.line_buffering, s.newlines)

for nl in (None, "", "\n", "\r", "\r\n"):
    s = io.StringIO(newline=nl)
    before = s.newlines
    s.write("a\r\nb\rc\n")
    print("newline", repr(nl), before, repr(s.newlines), repr(s.getvalue()))
    s.seek(0)
    print("  lines", s.readlines())
for nl in (None, ""):
    print("initial", repr(nl), repr(io.StringIO("x\ry\n", newline=nl).newlines))
print("initial cr", repr(io.StringIO("a\nb", newline="\r").getvalue()))

s = io.StringIO("hello")
print("index sizes", s.read(Size(2)), s.readline(Size(1)), s.truncate(Size(4)), s.getvalue())
attempt("negative truncate", lambda: io.StringIO("ab").truncate(Size(-1)))
b = io.BytesIO(b"hello")
print("bytes sizes", b.read(Size(2)), b.readline(Size(2)), b.truncate(Size(2)), b.getvalue())
attempt("bad size", lambda: io.BytesIO().read("x"))

b = io.BytesIO(b"12345")
print("overseek", b.seek(7), b.write(b""), b.getvalue(), b.write(b"x"), b.getvalue())
s = io.StringIO("12345")
print("overseek", s.seek(7), s.write(""), repr(s.getvalue()), s.write("x"), repr(s.getvalue()))

s = io.StringIO("abc\ndef", newline="\r\n")
s.seek(2)
print("state", s.__getstate__())
b = io.BytesIO(b"abc")
b.seek(1)
b.tag = 5
print("state", b.__getstate__())
s2 = pickle.loads(pickle.dumps(s))
print("pickled", repr(s2.getvalue()), s2.tell(), repr(s2.read()))
b2 = copy.copy(b)
print("copied", b2.getvalue(), b2.tell(), b2.tag)
b3 = pickle.loads(pickle.dumps(b, protocol=2))
print("pickled", b3.getvalue(), b3.tell(), b3.tag)

fresh = io.StringIO.__new__(io.StringIO)
fresh.__setstate__(("hi\n", None, 1, {"k": 1}))
print("setstate", repr(fresh.read()), repr(fresh.newlines), fresh.k)
for state in [("hi", None, -1, None), ("hi", None, 0), ("x", "bad", 0, None),
              ("x", None, "a", None), ("x", None, 0, 5), (b"x", None, 0, None)]:
    attempt("stringio state", lambda: io.StringIO().__setstate__(state))
for state in [(b"x", 0), [b"x", 0, None], (b"x", "a", None), (b"x", 0, 5)]:
    attempt("bytesio state", lambda: io.BytesIO().__setstate__(state))
closed = io.StringIO()
closed.close()
attempt("closed getstate", closed.__getstate__)
closed_bytes = io.BytesIO()
closed_bytes.close()
attempt("closed bytes getstate", closed_bytes.__getstate__)
attempt("closed bytes setstate", lambda: closed_bytes.__setstate__((b"", 0, None)))
attempt("closed newlines", lambda: closed.newlines)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "mixed.txt")
    with open(path, "wb") as f:
        f.write(b"one\r\ntwo\nthree\rfour")
    for nl in (None, "", "\n"):
        with open(path, newline=nl) as f:
            first = f.newlines
            f.read()
            print("file", repr(nl), first, repr(f.newlines))
    with open(path, "w") as f:
        print("write-only", f.newlines)

import array
ba = bytearray(b"x")
ba += array.array("b", [1, 2])
print("concat", ba, bytearray(b"a") + array.array("b", [3]), b"a" + array.array("b", [3]))
