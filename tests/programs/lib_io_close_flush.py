# close() of the buffered classes and TextIOWrapper calls the object's own
# flush() first, closes even when it fails and chains the errors;
# TextIOWrapper._CHUNK_SIZE.
import io


class Raw(io.RawIOBase):
    def readable(self):
        return True

    def writable(self):
        return True

    def readinto(self, b):
        return 0

    def write(self, b):
        return len(b)


def bad_flush():
    raise OSError("flush")


def bad_close():
    raise OSError("close")


for cls in (io.BufferedReader, io.BufferedWriter):
    raw = Raw()
    raw.close = bad_close
    b = cls(raw)
    b.flush = bad_flush
    try:
        b.close()
    except OSError as e:
        print(cls.__name__, e.args, repr(e.__context__), b.closed)
    raw.close = lambda: None
    b.flush = lambda: None

buffer = io.BytesIO(b"data")
buffer.close = bad_close
t = io.TextIOWrapper(buffer, encoding="ascii")
t.flush = bad_flush
try:
    t.close()
except OSError as e:
    print("TextIOWrapper", e.args, repr(e.__context__), t.closed)
buffer.close = lambda: None
t.flush = lambda: None

# Only the flush fails: the object is closed and the flush error raised.
raw = Raw()
b = io.BufferedWriter(raw)
b.flush = bad_flush
try:
    b.close()
except OSError as e:
    print("flush only", e.args, e.__context__, b.closed, raw.closed)

record = []


class MyWriter(io.BufferedWriter):
    def flush(self):
        record.append("flush")
        super().flush()


w = MyWriter(Raw())
w.write(b"x")
w.close()
w.close()
print(record, w.closed)

import os

fn = "lib_io_close_flush.tmp"
with open(fn, "w", encoding="utf-8") as f:
    f.write("first line\nsecond line\n")
with open(fn, encoding="utf-8") as f:
    print(f._CHUNK_SIZE)
    f._CHUNK_SIZE = 4
    print(f._CHUNK_SIZE, f.readline()[:8])
    for bad in (0, -1):
        try:
            f._CHUNK_SIZE = bad
        except ValueError as e:
            print(e)
    try:
        f._CHUNK_SIZE = "x"
    except TypeError as e:
        print("TypeError")
    print(f._CHUNK_SIZE, f.read())
os.remove(fn)

t = io.TextIOWrapper(Raw(), encoding="utf-8")
t._CHUNK_SIZE = 16
print(t._CHUNK_SIZE)

# closefd=False is refused with a file name, before anything is opened.
for call in (
    lambda: open("lib_io_close_flush.new", "w", encoding="utf-8", closefd=False),
    lambda: io.FileIO("lib_io_close_flush.new", "w", closefd=False),
    lambda: open("lib_io_close_flush.new", "w", closefd=False, opener=lambda p, f: 1 / 0),
):
    try:
        call()
    except ValueError as e:
        print(e, os.path.exists("lib_io_close_flush.new"))

# Writes of a multi-byte array count its bytes (bytearray.extend takes the
# buffer, not the items).
import array

a = array.array("i", range(10))
for f in (io.BytesIO(), io.BufferedWriter(Raw()), io.BufferedRandom(io.BytesIO())):
    print(type(f).__name__, f.write(a))
b = bytearray(b"x")
b.extend(array.array("h", [1, 2]))
b.extend(memoryview(b"yz"))
b.extend([65, 66])
print(len(b), b[:1], b[-4:])
