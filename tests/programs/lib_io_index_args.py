import io
b = io.BytesIO(b"abcdef")
class I:
    def __index__(self): return 2
print(b.seek(I(), 0), b.read())
for w in (None, "x", 1.0):
    try: b.seek(0, w)
    except TypeError as e: print(e)
try: open("/dev/null", buffering="x")
except TypeError as e: print(e)
f = open("/dev/null", "rb", buffering=I()); print(f); f.close()
class R(io.RawIOBase):
    def readinto(self, b):
        b[:2] = b"hi"; return I()
    def readable(self): return True
print(R().read(I()))
try: R().read("x")
except TypeError as e: print(e)
import io
b=io.BytesIO(b"abc"); print(b.truncate(True), b.getvalue())
try: b.truncate(-1)
except ValueError as e: print(e)
try: b.truncate("x")
except TypeError as e: print(e)
s = io.StringIO("abc")
try: s.truncate(-2)
except ValueError as e: print(e)
for mode, buffering in (("wb", -1), ("w", -1), ("wb", 0)):
    with open("/tmp/pith_lib_io_index_args.bin", mode, buffering=buffering) as f:
        try: f.truncate(-1)
        except OSError as e: print(type(e).__name__, e)
import os
os.remove("/tmp/pith_lib_io_index_args.bin")
