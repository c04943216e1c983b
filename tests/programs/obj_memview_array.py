# memoryview over array.array: the buffer protocol with typecode formats,
# item access through struct formats, and the export lock on resizing.
import array


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


a = array.array('i', [1, 2, 3, -4])
m = memoryview(a)
print(m.format, m.itemsize, m.shape, m.strides, m.ndim, m.nbytes, m.readonly)
print(m.obj is a, m.c_contiguous, m.f_contiguous, m.contiguous, m.suboffsets)
print(m.tolist(), m[1], m[-1], m[::2].tolist(), m[::-1].tolist(), len(m))
print(list(m), m[::-1].strides, m[1:3].nbytes)
m[0] = 100
m[1:3] = array.array('i', [20, 30])
print(a)
show("append:", lambda: a.append(5))
show("extend:", lambda: a.extend([5]))
show("pop:", lambda: a.pop())
show("del:", lambda: a.__delitem__(0))
show("frombytes:", lambda: a.frombytes(b'\0\0\0\0'))
a[0] = 7
a[0:2] = array.array('i', [8, 9])
print(a, m.tolist())
m2 = m[1:]
m.release()
show("still exported:", lambda: a.append(5))
m2.release()
a.append(5)
print(a)

# Item formats: range and type errors name the format.
for code, bad in [('b', 200), ('B', -1), ('h', 1 << 20), ('H', -3), ('i', 1 << 40),
                  ('I', -1), ('l', 1 << 70), ('L', -1), ('q', 1 << 64), ('Q', -2)]:
    v = memoryview(array.array(code, [0]))
    show(code, lambda: v.__setitem__(0, bad))
    show(code, lambda: v.__setitem__(0, 'x'))
    v.release()
f = memoryview(array.array('f', [0.5]))
show("f", lambda: f.__setitem__(0, 1e300))
show("f", lambda: f.__setitem__(0, "1"))
f[0] = 3
print(f.tolist())
d = memoryview(array.array('d', [1.5, 2.5]))
print(d.tolist(), d == array.array('d', [1.5, 2.5]), array.array('d', [1.5, 2.5]) == d)
print(d == array.array('f', [1.5, 2.5]), d == [1.5, 2.5], d != b'')
nan = memoryview(array.array('d', [float('nan')]))
print(nan == nan, nan.tobytes() == array.array('d', [float('nan')]).tobytes())
u = memoryview(array.array('u', 'ab'))
print(u.format, u.itemsize, u.nbytes)
show("u tolist:", u.tolist)
show("u item:", lambda: u[0])

# Casts between byte and native formats, and to more dimensions.
h = memoryview(array.array('H', [1, 2, 3, 256]))
b = h.cast('B')
print(b.tolist(), b.format, b.shape)
print(b.cast('I').tolist(), b.cast('@I', [2]).format)
show("two non-byte:", lambda: h.cast('I'))
show("bad format:", lambda: b.cast('x'))
show("bad format:", lambda: b.cast('<I'))
show("not a multiple:", lambda: b[:7].cast('H'))
show("not contiguous:", lambda: b[::2].cast('H'))
show("shape size:", lambda: b.cast('B', [3, 3]))
show("shape items:", lambda: b.cast('B', [2, 'x']))
show("shape zero:", lambda: b.cast('B', [0, 8]))
show("shape type:", lambda: b.cast('B', 8))
show("format type:", lambda: b.cast(1))
grid = b.cast('B', [2, 4])
print(grid.shape, grid.strides, grid.ndim, grid.tolist(), grid[1, 1], grid[-1, -1])
show("sub-view:", lambda: grid[0])
show("sub-views:", lambda: grid.__setitem__(0, 1))
show("multi-slice:", lambda: grid[0:1, 0:1:2])
show("too many:", lambda: grid[0, 0, 0])
show("bounds:", lambda: grid[2, 0])
show("bounds:", lambda: grid[0, -5])
show("len:", lambda: len(grid))
show("iter:", lambda: list(grid))
show("1D->ND->ND:", lambda: grid.cast('B', [4, 2]))
print(grid.cast('B').tolist(), grid.tobytes(), grid.tobytes('F'), grid[1:].tolist())
grid[1, 3] = 9
print(a if False else h.tolist())
scalar = b[:2].cast('H', [])
print(scalar.ndim, scalar.shape, scalar.strides, scalar.tolist(), scalar[()], scalar[...] is scalar)
show("0-dim len:", lambda: len(scalar))
show("0-dim index:", lambda: scalar[0])
scalar[()] = 513
print(scalar.tolist(), h.tolist())

# bytes() and bytearray() read any exporter's bytes.
print(bytes(array.array('h', [1, -2])), bytearray(array.array('B', [65, 66])))
print(b''.join([array.array('B', [67]), memoryview(b'D')]), str(memoryview(b'xyz'), 'ascii'))
