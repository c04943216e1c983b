# Calling __init__ again on a buffered object or text wrapper over a Python
# raw stream keeps that stream open; BlockingIOError's third argument is
# characters_written; IOBase iteration and readlines() measure each line.
import io


class Raw(io.RawIOBase):
    def __init__(self, data):
        self.data = data
        self.closes = 0

    def readable(self):
        return True

    def writable(self):
        return True

    def readinto(self, b):
        n = min(len(b), len(self.data))
        b[:n] = self.data[:n]
        self.data = self.data[n:]
        return n

    def write(self, b):
        return len(b)

    def seekable(self):
        return True

    def seek(self, pos, whence=0):
        return 0

    def tell(self):
        return 0

    def close(self):
        self.closes += 1
        super().close()


for cls in (io.BufferedReader, io.BufferedWriter, io.BufferedRandom):
    raw = Raw(b"abc")
    b = cls(raw)
    b.__init__(raw)
    b.__init__(raw, buffer_size=1024)
    print(cls.__name__, raw.closed, raw.closes)
    if cls is not io.BufferedWriter:
        print(b.read())
    try:
        b.__init__(raw, buffer_size=0)
    except ValueError as e:
        print(e)
    # A failed __init__ leaves the object unusable, and the raw stream open.
    try:
        b.read() if cls is not io.BufferedWriter else b.write(b"x")
    except ValueError:
        print("unusable", raw.closed)

raw = Raw(b"line\n")
t = io.TextIOWrapper(io.BufferedReader(raw), encoding="ascii")
t.__init__(t.buffer, encoding="latin-1")
print(t.encoding, raw.closed, t.read())

e = BlockingIOError(11, "busy", 5)
print(e.args, e.errno, e.strerror, e.characters_written, e.filename)
e.characters_written = 7
print(e.characters_written)
e = BlockingIOError(11, "busy", "name")
print(e.args, e.filename, hasattr(e, "characters_written"))
e = BlockingIOError(11, "busy")
print(hasattr(e, "characters_written"))


class Sub(BlockingIOError):
    pass


e = Sub(11, "busy", 3)
print(e.args, e.filename, hasattr(e, "characters_written"))


class NoLen(io.IOBase):
    def readline(self):
        return None


try:
    next(NoLen())
except TypeError as e:
    print("TypeError", e)


class Lines(io.IOBase):
    def __init__(self):
        self.lines = ["ab\n", "cd\n", "ef\n", ""]

    def readline(self):
        return self.lines.pop(0)


print(Lines().readlines(), Lines().readlines(2), Lines().readlines(3), Lines().readlines(0))


class BadNext(io.IOBase):
    def __next__(self):
        return None


try:
    BadNext().readlines(1)
except TypeError as e:
    print("TypeError", e)

# The C converters' checks of buffer_size and of the encoding's text.
import sys

try:
    io.BufferedReader(Raw(b""), sys.maxsize)
except (MemoryError, OverflowError, ValueError) as e:
    print(type(e).__name__ in ("MemoryError", "OverflowError", "ValueError"))
b = io.BytesIO(b"x")
for enc in ("\udcfe", "utf-8\0"):
    try:
        io.TextIOWrapper(b, encoding=enc)
    except (UnicodeEncodeError, ValueError) as e:
        print(type(e).__name__, e)
