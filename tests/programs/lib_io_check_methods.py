# io.IOBase._checkClosed / _checkReadable / _checkWritable / _checkSeekable on
# the native classes (socket.SocketIO calls them from its readinto).
import io, socket
a, b = socket.socketpair()
f = a.makefile("rb")
b.sendall(b"line one\nline two\n")
print(f.readline())
raw = socket.SocketIO(a, "r")
print(raw._checkClosed(), raw._checkReadable())
try:
    raw._checkWritable()
except io.UnsupportedOperation as e:
    print("unsupported", e)
raw.close()
try:
    raw._checkClosed()
except ValueError as e:
    print(e)
f.close(); a.close(); b.close()
class R(io.RawIOBase):
    def readable(self): return True
r = R()
print(r._checkReadable(), r._checkClosed())
try:
    r._checkSeekable()
except io.UnsupportedOperation as e:
    print("unsupported", e)
