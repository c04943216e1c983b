# IOBase.__del__ closes an object that is still open (close() calls
# flush()), unclosed files warn ResourceWarning when finalized, and errors
# from close() during finalization are dropped.
import gc
import io
import os
import sys
import warnings

record = []
for base in (io.IOBase, io.RawIOBase, io.BufferedIOBase, io.TextIOBase):
    class MyIO(base):
        def __init__(self):
            self.on_del = 1
            self.on_close = 2
            self.on_flush = 3

        def __del__(self):
            record.append(self.on_del)
            try:
                f = super().__del__
            except AttributeError:
                pass
            else:
                f()

        def close(self):
            record.append(self.on_close)
            super().close()

        def flush(self):
            record.append(self.on_flush)
            super().flush()

    f = MyIO()
    del f
    gc.collect()
    print(base.__name__, record)
    record.clear()

# Already closed: __del__ does not close again.
class Quiet(io.RawIOBase):
    def close(self):
        record.append("close")
        super().close()

q = Quiet()
q.close()
del q
print("closed once:", record)
record.clear()

# A failing close() while finalizing is not reported.
class Failing(io.IOBase):
    def close(self):
        record.append("failing close")
        raise OSError("close failed")

f = Failing()
del f
gc.collect()
print(record)
record.clear()

# Concrete classes: close() calls the subclass's flush(), then closes.
fn = "lib_io_finalize.tmp"

class MyFileIO(io.FileIO):
    def __del__(self):
        record.append("del")
        super().__del__()

    def close(self):
        record.append("close")
        super().close()

    def flush(self):
        record.append("flush")
        super().flush()

f = MyFileIO(fn, "wb")
f.write(b"abc")
del f
print(record)
record.clear()

# A file dropped without close() is flushed to disk.
def write_and_drop():
    f = open(fn, "w", encoding="utf-8")
    f.write("written before the object died")

write_and_drop()
with open(fn, encoding="utf-8") as f:
    print(f.read())

class MyBuffered(io.BufferedWriter):
    def flush(self):
        record.append("buffered flush")
        super().flush()

b = MyBuffered(io.FileIO(fn, "wb"))
b.write(b"xyz")
b.close()
print(record, b.closed)
record.clear()

# ResourceWarning names the outermost object.
warnings.simplefilter("always")
with warnings.catch_warnings(record=True) as w:
    for opener in (
        lambda: open(fn, "rb"),
        lambda: open(fn, "r", encoding="utf-8"),
        lambda: io.FileIO(fn, "r"),
        lambda: open(fn, "rb", buffering=0),
    ):
        f = opener()
        shown = repr(f)
        del f
        gc.collect()
        print(len(w), w[-1].category.__name__, str(w[-1].message) == "unclosed file " + shown)
    # Not for closed files, nor for descriptors the object does not own.
    f = open(fn, "rb")
    f.close()
    del f
    fd = os.open(fn, os.O_RDONLY)
    f = open(fd, "rb", closefd=False)
    del f
    os.close(fd)
    f = io.BytesIO(b"memory")
    del f
    gc.collect()
    print(len(w))

# A cycle is collected, and its file closed.
with warnings.catch_warnings(record=True) as w:
    f = io.FileIO(fn, "r")
    f.cycle = f
    del f
    gc.collect()
    print(len(w), w[0].category.__name__ if w else None)

os.remove(fn)
