# _socket: a socketpair round trip, blocking, non-blocking and timeout
# modes, closed sockets, and the address and byte-order helpers.
import socket

a, b = socket.socketpair()
print(a.family, a.type, a.proto, a.gettimeout(), a.getblocking())
a.sendall(b"hello")
print(b.recv(100))
b.send(bytearray(b"world"))
buf = bytearray(10)
n = a.recv_into(buf)
print(n, buf)
b.send(b"abc")
view = memoryview(bytearray(5))
print(a.recv_into(view, 2), bytes(view))
print(a.recv(10, socket.MSG_PEEK), a.recv(10))
print(repr(a.getsockname()), repr(b.getpeername()))
a.setblocking(False)
print(a.gettimeout(), a.getblocking())
try:
    a.recv(10)
except BlockingIOError as e:
    print("BlockingIOError", e.errno, isinstance(e, OSError))
a.settimeout(0.05)
try:
    a.recv(10)
except socket.timeout as e:
    print("timeout:", e, type(e).__name__)
print(a.gettimeout(), a.timeout)
b.shutdown(socket.SHUT_WR)
print(a.recv(10))
a.settimeout(None)
print(a.gettimeout(), a.getblocking())
fd = b.detach()
print(b.fileno(), fd >= 0)
c = socket.socket(fileno=fd)
print(c.family == socket.AF_UNIX, c.type == socket.SOCK_STREAM)
c.close()
a.close()
print(a.fileno(), a._closed)
try:
    a.send(b"x")
except OSError as e:
    print(type(e).__name__, e)
for bad in [("127.0.0.1", 70000), 3, ("127.0.0.1",)]:
    try:
        socket.socket().connect(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    a.settimeout(-1)
except ValueError as e:
    print(e)

print(socket.inet_aton("127.0.0.1"), socket.inet_aton("10.1"), socket.inet_ntoa(b"\x7f\x00\x00\x01"))
print(socket.inet_pton(socket.AF_INET6, "::1"))
print(socket.inet_ntop(socket.AF_INET6, b"\x00" * 15 + b"\x01"))
print(socket.inet_ntop(socket.AF_INET, b"\xc0\xa8\x00\x01"))
try:
    socket.inet_aton("1.2.3.256")
except OSError as e:
    print(e)
try:
    socket.inet_pton(socket.AF_INET, "1.2.3")
except OSError as e:
    print(e)
print(socket.htons(1), socket.ntohs(256), socket.htonl(0x01020304), socket.ntohl(1))
try:
    socket.htons(-1)
except OverflowError as e:
    print(e)
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo("::1", "8080", socket.AF_INET6, socket.SOCK_DGRAM)[0][4])
try:
    socket.getaddrinfo("127.0.0.1", "no-such-service-name")
except socket.gaierror as e:
    print("gaierror", e.errno, e)
print(socket.timeout is TimeoutError, socket.error is OSError)
print(issubclass(socket.gaierror, OSError), socket.gaierror.__module__)
print(isinstance(socket.gethostname(), str), socket.has_ipv6)
print(socket.getdefaulttimeout())
print(socket.AF_INET, repr(socket.SOCK_STREAM), socket.AddressFamily(1))
x = socket.socket()
print(x.family, x.type)
x.close()
print(x)
