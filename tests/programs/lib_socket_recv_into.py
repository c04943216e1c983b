import socket
a, b = socket.socketpair()
a.sendall(b"hello world")
buf = bytearray(5)
print(b.recv_into(buf), buf)
buf2 = bytearray(10)
print(b.recv_into(buf2, 3), buf2)
try:
    b.recv_into(bytearray(2), 5)
except ValueError as e:
    print("VE", e)
try:
    b.recv_into(b"xx")
except TypeError as e:
    print("TE", e)
try:
    b.recv_into(bytearray(2), -1)
except ValueError as e:
    print("VE", e)
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u1.bind(("127.0.0.1", 0))
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2.sendto(b"datagram", u1.getsockname())
m = bytearray(20)
n, addr = u1.recvfrom_into(m)
print(n, m[:n], addr[0])
try:
    u1.recvfrom_into(bytearray(2), 5)
except ValueError as e:
    print("VE", e)
try:
    u1.recvfrom_into("s")
except TypeError as e:
    print("TE", e)
