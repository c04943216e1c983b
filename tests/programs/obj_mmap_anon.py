# mmap over anonymous memory: the file-like methods, indexing and slicing,
# access modes, and the errors of each.
import mmap


def t(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)


print(mmap.ACCESS_DEFAULT, mmap.ACCESS_READ, mmap.ACCESS_WRITE, mmap.ACCESS_COPY)
print(mmap.PAGESIZE == mmap.ALLOCATIONGRANULARITY, mmap.error is OSError)
print(mmap.PROT_READ, mmap.PROT_WRITE, mmap.MAP_SHARED, mmap.MAP_PRIVATE, mmap.MAP_ANONYMOUS)

m = mmap.mmap(-1, 16)
print(repr(m), len(m), m.closed)
t(lambda: m.write(b"hello world\n2nd"))
t(lambda: (m.tell(), m[0], m[1:4], m[-1], m[::2], m[100:], m[-3:], m[5:1:-1]))
t(lambda: m[100])
t(lambda: m["a"])
t(lambda: m[2**70])
t(lambda: m.__setitem__(0, 300))
t(lambda: m.__setitem__(0, b"a"))
t(lambda: m.__setitem__(slice(0, 2), b"abc"))
t(lambda: m.__setitem__(slice(0, 2), "ab"))
t(lambda: m.__setitem__(slice(0, 4, 2), b"XY"))
t(lambda: m.__setitem__(1, ord("E")))
t(lambda: m.__setitem__("a", 1))
t(lambda: m.__delitem__(0))
t(lambda: m.__delitem__(slice(0, 1)))
t(lambda: m.seek(0))
t(lambda: (m.readline(), m.read(3), m.tell(), m.read(), m.tell()))
t(lambda: m.read_byte())
t(lambda: m.seek(-1))
t(lambda: m.seek(0, 3))
t(lambda: m.seek(-2, 2))
t(lambda: (m.read_byte(), m.tell()))
t(lambda: m.seek(-3, 1))
t(lambda: m.find(b"o"))
t(lambda: m.find(b"o", 5))
t(lambda: m.find(b"o", 5, 7))
t(lambda: m.rfind(b"o"))
t(lambda: m.rfind(b"o", 0, 7))
t(lambda: m.find(b"", 3))
t(lambda: m.find(b"o", 8, 2))
t(lambda: m.find("o"))
t(lambda: m.write("x"))
t(lambda: m.write_byte(b"x"))
t(lambda: m.write_byte(1000))
t(lambda: m.write_byte(-1))
t(lambda: m.flush())
t(lambda: m.flush(0, 100))
t(lambda: m.size())
t(lambda: m.move(0, 1, 100))
t(lambda: m.move(0, 1, 4))
t(lambda: bytes(m))
t(lambda: m.resize(32))
t(lambda: (len(m), bytes(m)))
t(lambda: m.resize(4))
t(lambda: (len(m), m.tell(), m.read(), m.readline()))
t(lambda: m.madvise(mmap.MADV_NORMAL))
t(lambda: m.madvise(mmap.MADV_NORMAL, 20))
t(lambda: list(m))
t(lambda: b"e" in m)
t(lambda: m + b"a")
t(lambda: bytearray(m))
t(lambda: repr(m))
m.close()
t(lambda: m.read())
t(lambda: m[0])
t(lambda: len(m))
t(lambda: m.closed)
t(lambda: m.close())
t(lambda: m.tell())
t(lambda: repr(m))

t(lambda: mmap.mmap(-1, -1))
t(lambda: mmap.mmap(-1, 0))
t(lambda: mmap.mmap(-1, 10, access=7))
t(lambda: mmap.mmap(-1, 10, flags=mmap.MAP_PRIVATE, access=mmap.ACCESS_READ))
t(lambda: mmap.mmap(-1, 10, offset=-1))
t(lambda: mmap.mmap("a", 10))
t(lambda: mmap.mmap(-1))

r = mmap.mmap(-1, 10, access=mmap.ACCESS_READ)
t(lambda: r.write(b"a"))
t(lambda: r.__setitem__(0, 1))
t(lambda: r.resize(5))
t(lambda: r.flush())
t(lambda: repr(r))
c = mmap.mmap(-1, 10, prot=mmap.PROT_READ)
t(lambda: repr(c))
t(lambda: c.write_byte(1))

with mmap.mmap(-1, 3) as q:
    q[:] = b"abc"
    print(q.closed, q[:])
print(q.closed)


class Sub(mmap.mmap):
    pass


s = Sub(-1, 4)
print(repr(s), isinstance(s, mmap.mmap), s[:])
