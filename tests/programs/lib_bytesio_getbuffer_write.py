# Writing a BytesIO's getbuffer() view into a stream: the view's bytes are
# read before the stream is written (another BytesIO, or the exporter
# itself, which then refuses to resize while the view lives).
import io

a = io.BytesIO(b"abcdef")
view = a.getbuffer()
b = io.BytesIO()
print(b.write(view))
print(b.write(view[2:4]))
b.writelines([view[:1], view[-1:], b"!"])
print(b.getvalue())

try:
    a.write(a.getbuffer())
except BufferError as e:
    print(type(e).__name__, e)
del view
a.seek(0, 2)
print(a.write(bytes(a.getbuffer())), a.getvalue())

# A view of a bytearray and a memoryview slice of bytes behave the same way.
c = io.BytesIO()
c.write(memoryview(bytearray(b"xyz"))[1:])
c.write(memoryview(b"0123")[1:3])
print(c.getvalue())

# Text files still refuse bytes-like arguments with their own message.
s = io.StringIO()
try:
    s.write(a.getbuffer())
except TypeError as e:
    print(e)
