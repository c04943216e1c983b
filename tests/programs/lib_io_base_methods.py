# The methods of io.BufferedIOBase, io.TextIOBase, io.RawIOBase and
# io.IOBase that subclasses inherit: readinto()/readinto1() over read() and
# read1(), and the refusals of what a subclass must define.
import array
import io


class Reader(io.BufferedIOBase):
    def __init__(self, avail):
        self.avail = avail

    def read(self, size):
        result = self.avail[:size]
        self.avail = self.avail[size:]
        return result

    def read1(self, size):
        return self.read(min(size, 5))


for method, avail, request in (
    ("readinto", 10, 5),
    ("readinto", 10, 6),
    ("readinto", 5, 6),
    ("readinto", 10, 0),
    ("readinto1", 10, 6),
    ("readinto1", 5, 6),
    ("readinto1", 10, 0),
):
    reader = Reader(bytes(range(avail)))
    buffer = bytearray(b"\x81" * request)
    n = getattr(reader, method)(buffer)
    print(method, avail, request, n, buffer, len(reader.avail))

# Any writable buffer works.
reader = Reader(b"abcdefgh")
view = memoryview(bytearray(4))
print(reader.readinto(view), bytes(view))
arr = array.array("b", [0, 0, 0])
print(Reader(b"xyz").readinto(arr), arr)


class TooMuch(io.BufferedIOBase):
    def read(self, size):
        return b"more than asked"


class NotBytes(io.BufferedIOBase):
    def read(self, size):
        return "text"


for call in (
    lambda: TooMuch().readinto(bytearray(3)),
    lambda: NotBytes().readinto(bytearray(3)),
    lambda: Reader(b"").readinto(b"read-only"),
    lambda: Reader(b"").readinto(),
):
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# What the bases refuse.
for cls, name, args in (
    (io.BufferedIOBase, "read", ()),
    (io.BufferedIOBase, "read1", (1,)),
    (io.BufferedIOBase, "write", (b"",)),
    (io.BufferedIOBase, "detach", ()),
    (io.TextIOBase, "read", ()),
    (io.TextIOBase, "readline", ()),
    (io.TextIOBase, "write", ("",)),
    (io.TextIOBase, "detach", ()),
    (io.IOBase, "seek", (0,)),
    (io.IOBase, "fileno", ()),
    (io.IOBase, "truncate", ()),
    (io.IOBase, "tell", ()),
):
    try:
        getattr(cls(), name)(*args)
    except io.UnsupportedOperation as e:
        print(cls.__name__, name, "UnsupportedOperation", e.args)

for name, args in (("readinto", (bytearray(1),)), ("write", (b"",))):
    try:
        getattr(io.RawIOBase(), name)(*args)
    except NotImplementedError as e:
        print("RawIOBase", name, "NotImplementedError", e.args)

# readinto1 and peek of the concrete classes.
b = io.BytesIO(b"hello world")
buf = bytearray(5)
print(b.readinto1(buf), buf)
print(hasattr(io.BytesIO, "readinto1"), hasattr(io.FileIO, "readinto1"),
      hasattr(io.BufferedWriter, "peek"), hasattr(io.BufferedReader, "peek"))

r = io.BufferedReader(io.BytesIO(b"12345"))
print(r.read(1), r.peek(1)[:1], r.read(2))
buf = bytearray(2)
print(r.readinto1(buf), buf)
r.close()
for name in ("peek", "read1"):
    try:
        getattr(r, name)(1)
    except ValueError as e:
        print(name, e)

import os

fn = "lib_io_base_methods.tmp"
with open(fn, "wb") as f:
    f.write(b"The contents of a file")
with open(fn, "rb") as f:
    print(f.peek(1)[:1], f.read(1))
    buf = bytearray(3)
    print(f.readinto1(buf), buf)
    print(f.peek(100)[:5], f.read())
for name in ("peek", "read1"):
    try:
        getattr(f, name)()
    except ValueError as e:
        print(name, e)
os.remove(fn)
