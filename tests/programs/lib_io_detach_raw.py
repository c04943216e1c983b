# Detaching the layers of a file, a buffer's `raw`, and the argument counts
# the C file methods check.
import io
import os
import sys
import tempfile

path = os.path.join(tempfile.mkdtemp(), "data.bin")
with open(path, "wb") as f:
    f.write(b"0123456789\nsecond line\n")


def show(label, call):
    try:
        print(label, repr(call()))
    except Exception as e:
        print(label, type(e).__name__, e)


# A buffered reader's raw stream shares its descriptor.
f = open(path, "rb")
raw = f.raw
print(type(raw).__name__, raw.mode, raw is f.raw, raw.fileno() == f.fileno())
print(f.read())
raw = f.detach()
print(type(raw).__name__, raw.closed, raw.readable())
show("read after detach", lambda: f.read())
show("closed after detach", lambda: f.closed)
show("detach again", lambda: f.detach())
print(repr(f))
print(raw.read(), raw.closed)
raw.close()

# A text file's layers: text -> buffer -> raw.
t = open(path, "r", encoding="ascii")
print(repr(t.read()))
print(type(t.buffer.raw).__name__, t.buffer.raw.name == path)
b = t.detach()
show("text after detach", lambda: t.read())
print(repr(t)[:40].replace(repr(path), "PATH"))
print(b.read())
b.close()

# Writers: what a reader lacks and a writer lacks.
w = open(path, "wb")
show("writer read", lambda: w.read())
show("writer read1", lambda: w.read1(1))
show("writer readline", lambda: w.readline())
r = open(path, "rb")
show("reader write", lambda: r.write(b"x"))
show("reader truncate", lambda: r.truncate())
rt = open(path, "r")
show("text truncate", lambda: rt.truncate())
show("text write", lambda: rt.write("x"))
w.write(b"abc")
wr = w.detach()
print(type(wr).__name__, wr.mode)
wr.close()
r.close()
rt.close()

# Argument counts, worded as each C method's calling convention words them.
bio = io.BytesIO(b"abc")
sio = io.StringIO("abc")
f = open(path, "rb", buffering=0)
show("read", lambda: bio.read(1, 2))
show("readinto", lambda: bio.readinto())
show("readinto 2", lambda: f.readinto(bytearray(2), 5))
show("write", lambda: sio.write())
show("seek none", lambda: sio.seek())
show("seek many", lambda: bio.seek(0, 0, 0))
show("tell", lambda: sio.tell(1))
show("close", lambda: f.close(1))
show("truncate", lambda: bio.truncate(1, 2))
show("getvalue", lambda: sio.getvalue(1))
show("iter", lambda: bio.__iter__(1))


class MyBytes(io.BytesIO):
    pass


show("subclass", lambda: MyBytes().write())
f.close()

# __import__ reads the globals only for a relative import.
show("globals str", lambda: __import__("os", "globals", None, None, 1))
show("globals none", lambda: __import__("os", None, None, None, 1))
show("no __name__", lambda: __import__("os", {}, None, None, 1))
show("bad __name__", lambda: __import__("os", {"__name__": 3}, None, None, 1))
show("absolute", lambda: __import__("os", "globals").__name__)

# The usual way to change stdout's encoding: wrap its detached buffer.
print("before", flush=True)
sys.stdout = io.TextIOWrapper(sys.stdout.detach(), encoding="ascii", errors="backslashreplace", line_buffering=True)
print("after: caf\u00e9")
show("old stdout", lambda: sys.__stdout__.write("x"))
sys.stdout.flush()
os.remove(path)
