# BytesIO.getbuffer() shares the stream's memory and counts as an export:
# while a view lives the stream cannot be written, truncated or closed.
import _io as io, gc
memio = io.BytesIO(b"1234567890")
buf = memio.getbuffer()
print(bytes(buf))
memio.seek(5)
buf = memio.getbuffer()
print(bytes(buf), buf.readonly, buf.format, len(buf))
for f in (lambda: memio.write(b'x' * 100), memio.truncate, memio.close, lambda: memio.write(b'')):
    try:
        f(); print("ok")
    except BufferError as e:
        print("BufferError", e)
print(memio.closed)
buf[3:6] = b"abc"
print(bytes(buf), memio.getvalue(), memio.read())
del buf
gc.collect()
print(memio.truncate())
memio.close()
try:
    memio.getbuffer()
except ValueError as e:
    print(e)
m = io.BytesIO()
b1 = m.getbuffer(); b2 = m.getbuffer()
b1.release()
try: m.write(b'x')
except BufferError as e: print(e)
b2.release()
print(m.write(b'x'), m.getvalue())
with m.getbuffer() as v:
    print(bytes(v))
m.write(b'y'); print(m.getvalue())

# An empty view is false, as len() says; a released one cannot be asked.
e = memoryview(b"")
print(bool(e), not e, bool(memoryview(b"a")))
e.release()
try:
    bool(e)
except ValueError as err:
    print(err)
