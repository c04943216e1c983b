import io
a = io.BytesIO(b"hello")
b = io.BytesIO()
print(b.write(a.getbuffer()), b.getvalue())
b.writelines([a.getbuffer(), b"x"])
print(b.getvalue())
c = io.BytesIO(b"abcdef")
print(c.readinto(a.getbuffer()), a.getvalue())
d = io.BytesIO(b"xyz")
m = d.getbuffer()
try:
    d.write(m)
except BufferError as e:
    print("BufferError", e)
del m
s = io.StringIO()
try:
    s.write(a.getbuffer())
except TypeError as e:
    print(e)
