# mmap over a file: the map writes through to the file, grows and shrinks
# it, and the access modes decide what may change.
import mmap
import os
import tempfile

fd, path = tempfile.mkstemp()
try:
    os.write(fd, b"one two three\nfour five\n")
    with mmap.mmap(fd, 0) as m:
        print(len(m), m.size(), m.readline(), m.find(b"five"), m.rfind(b"o"))
        m[0:3] = b"ONE"
        m.flush()
        print(os.pread(fd, 8, 0))
        m.resize(30)
        print(len(m), m.size(), os.fstat(fd).st_size)
        m[24:30] = b"extra!"
        m.resize(10)
        print(len(m), m.size(), m[:])
    with open(path, "rb") as f:
        print(f.read())

    with open(path, "r+b") as f:
        m = mmap.mmap(f.fileno(), 5, access=mmap.ACCESS_COPY)
        m[0] = ord("x")
        print(m[:5], repr(m))
        try:
            m.resize(8)
        except TypeError as e:
            print("TypeError:", e)
        m.close()
        f.seek(0)
        print(f.read())
        m = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ, offset=0)
        print(m[:], m.size())
        try:
            m[0] = 1
        except TypeError as e:
            print("TypeError:", e)
        m.close()
        for kw in [dict(length=100), dict(length=0, offset=mmap.PAGESIZE * 4)]:
            try:
                mmap.mmap(f.fileno(), **kw)
            except ValueError as e:
                print("ValueError:", e)
        f.truncate(0)
        try:
            mmap.mmap(f.fileno(), 0)
        except ValueError as e:
            print("ValueError:", e)
    try:
        mmap.mmap(999, 10)
    except OSError as e:
        print("OSError:", e.errno)
finally:
    os.close(fd)
    os.unlink(path)
