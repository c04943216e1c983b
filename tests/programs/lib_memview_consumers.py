# Consumers of bytes-like objects take any buffer exporter: arrays and
# memoryviews of any format, through the one shared reader.
import array
import binascii
import copy
import hashlib
import io
import os
import pickle
import struct
import tempfile
import weakref
import zlib


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


a = array.array('H', [1, 2, 0x4142])
m = memoryview(a)
print(struct.unpack_from('<3H', a), struct.unpack('<3H', m), struct.unpack_from('B', m, 1))
print(binascii.hexlify(a), binascii.crc32(m), binascii.b2a_base64(m[1:]))
print(hashlib.md5(a).hexdigest(), hashlib.sha256(m).hexdigest()[:16])
print(zlib.decompress(zlib.compress(a)), zlib.crc32(m.cast('B')[1:]))
show("not contiguous:", lambda: zlib.crc32(m.cast('B')[::2]))
show("not contiguous:", lambda: b''.join([m[::-1]]))
print(bytes(m[::-1]), bytearray(m.cast('B')[::2]))
print(b'-'.join([a, m, bytearray(b'z')]), b'\x02' in m.tobytes(), bytes(m[::-1]))

buf = io.BytesIO()
print(buf.write(a), buf.write(m[1:]), buf.getvalue())
target = array.array('B', bytes(4))
buf.seek(0)
print(buf.readinto(target), target)
view = memoryview(bytearray(6)).cast('H')
buf.seek(0)
print(buf.readinto(view), view.tolist(), view.obj)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'data')
    with open(path, 'wb') as f:
        print(f.write(a), f.write(memoryview(b'xyz')[1:]))
    with open(path, 'rb') as f:
        into = array.array('h', [0, 0])
        print(f.readinto(into), into, f.read())
    with open(path, 'rb', buffering=0) as f:
        raw = bytearray(3)
        print(f.readinto(memoryview(raw)[1:]), raw)
    fd = os.open(path, os.O_RDONLY)
    print(os.read(fd, 2), os.write(os.open(os.devnull, os.O_WRONLY), a))
    os.close(fd)

r = weakref.ref(m)
print(r() is m, weakref.getweakrefcount(m))
show("pickle:", lambda: pickle.dumps(m))
show("copy:", lambda: copy.copy(m))
show("hash writable:", lambda: hash(m))
show("hash format:", lambda: hash(memoryview(b'ab').cast('H')))
show("hash readonly bytearray:", lambda: hash(memoryview(bytearray(b'ab')).toreadonly()))
print(hash(memoryview(b'ab').cast('c')) == hash(b'ab'))
ro = m.toreadonly()
show("write readonly:", lambda: ro.__setitem__(0, 1))
show("delete:", lambda: m.__delitem__(0))
show("bad key:", lambda: m['x'])
show("struct string:", lambda: struct.unpack('<H', 'ab'))
print(str(memoryview(b'caf\xc3\xa9'), 'utf-8'), str(array.array('B', b'ok'), 'ascii'))
print(int.from_bytes(array.array('B', [1, 2]), 'big'), bytes.fromhex('ab').join([m[:1]]))
with memoryview(a) as ctx:
    print(ctx.tolist())
print(repr(ctx).startswith('<released memory at 0x'))
show("released:", lambda: ctx.tolist())
show("released len:", lambda: len(ctx))
show("released attr:", lambda: ctx.format)
print(ctx == ctx, ctx == m, ctx != ctx)
show("append:", lambda: a.append(4))
m.release()
ro.release()
a.append(4)
print(a)
