def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
m = memoryview(b'abcdef')
t(lambda: len(m))
t(lambda: m[0])
t(lambda: m[-1])
t(lambda: m[10])
t(lambda: m[1:4].tobytes())
t(lambda: m[::2].tolist())
t(lambda: m[::-1].tobytes())
t(lambda: bytes(m[2:]))
t(lambda: m.readonly)
t(lambda: [m.nbytes, m.itemsize, m.format, m.ndim, m.shape])
t(lambda: m == b'abcdef')
t(lambda: m[1:3] == b'bc')
t(lambda: list(m[:3]))
t(lambda: m.hex())
t(lambda: m.obj)
t(lambda: hash(m) == hash(b'abcdef'))
def w():
    ba = bytearray(b'hello')
    v = memoryview(ba)
    v[0] = 72
    v[1:3] = b'EL'
    v[::2][2] = 33
    return ba, v.readonly
t(w)
def rel():
    v = memoryview(b'abc')
    v.release()
    return len(v)
t(rel)
t(lambda: memoryview('abc'))
t(lambda: memoryview(bytearray(b'ab'))[0:1].tobytes())
t(lambda: hash(memoryview(bytearray(b'x'))))
t(lambda: type(m).__name__)
t(lambda: bytearray(memoryview(b'zz')))
t(lambda: memoryview(m)[1])
