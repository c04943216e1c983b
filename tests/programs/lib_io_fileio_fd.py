# _io.FileIO made directly (test_io's test_optional_abilities does this with
# pipe descriptors), and FileIO over a pipe while a thread reads the other end.
import io
import os
import threading

r, w = os.pipe()
os.close(w)
with io.FileIO(r, "r") as f:
    print(type(f).__name__, f.name == r, f.mode, f.readable(), f.writable())
    print(f.read(1), f.read())
    try:
        f.write(b"3")
    except io.UnsupportedOperation as e:
        print("write:", e)
    print(f.seekable())
print(f.closed)

r, w = os.pipe()
t = threading.Thread(target=os.read, args=(r, 100))
t.start()
with io.FileIO(w, "w") as f:
    print(f.mode, f.readable(), f.writable(), f.write(b"3"), f.seekable())
t.join()
os.close(r)

for bad in ["rt", "rw", "", "r++"]:
    try:
        io.FileIO(os.devnull, bad)
    except ValueError as e:
        print(repr(bad), e)
with io.FileIO(os.devnull, "wb") as f:
    print(f.mode, f.name)


class Sub(io.FileIO):
    pass


with Sub(os.devnull) as s:
    print(type(s).__name__, s.mode, s.read())
