# memoryview.cast to native formats (re casts charset bitmaps to 'I').
b = bytes(range(16))
m = memoryview(b).cast('I')
print(m.itemsize, m.format, len(m), m.nbytes, m.tolist()[:2], m[1], list(m)[2:])
h = memoryview(bytearray(b'\xff\xff\x01\x00')).cast('h')
print(h.tolist(), h.format, h.shape, h.strides, h.tobytes())
print(memoryview(b)[2:10].cast('H').tolist(), memoryview(b).cast('I')[1:3].tolist())
for bad in ('x', 'II'):
    try: memoryview(b).cast(bad)
    except ValueError as e: print(e)
try: memoryview(b'abc').cast('I')
except TypeError as e: print(e)
try: memoryview(b)[::2].cast('B')
except TypeError as e: print(e)
try: memoryview(b).cast('I').cast('H')
except TypeError as e: print(e)
print(memoryview(b).cast('I').cast('B').tolist() == list(b))
import re
print(re.findall(r'[^\W\d_]+', 'héllo wörld 42 ñ'), re.compile('[a-zé]', re.I).findall('AÉz'))
