# _socket: a TCP server and client on 127.0.0.1 with a port the system
# chooses, blocking and non-blocking; a UDP exchange.
import errno
import selectors
import socket

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print(host, port > 0)

cli = socket.create_connection(("127.0.0.1", port))
conn, addr = srv.accept()
print(addr[0], conn.getsockname() == (host, port), cli.getpeername() == (host, port))
cli.sendall(b"ping")
print(conn.recv(4))
conn.sendall(b"pong" * 1000)
got = b""
while len(got) < 4000:
    got += cli.recv(8192)
print(len(got), got[:8])
cli.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print(cli.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
cli.shutdown(socket.SHUT_WR)
print(conn.recv(10))
for s in (conn, cli):
    s.close()

# Non-blocking: connect in progress, then completion seen by a selector.
nb = socket.socket()
nb.setblocking(False)
err = nb.connect_ex(("127.0.0.1", port))
print(err in (0, errno.EINPROGRESS))
sel = selectors.DefaultSelector()
sel.register(nb, selectors.EVENT_WRITE)
events = sel.select(timeout=5)
print(len(events), nb.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
sel.unregister(nb)
conn, _ = srv.accept()
conn.setblocking(False)
try:
    conn.recv(10)
except BlockingIOError:
    print("nothing yet")
nb.send(b"data")
sel.register(conn, selectors.EVENT_READ)
print(len(sel.select(timeout=5)), conn.recv(10))
sel.close()
for s in (conn, nb):
    s.close()
srv.close()

# A refused connection: the port of a closed listener.
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
dead = probe.getsockname()
probe.close()
try:
    socket.create_connection(dead, timeout=5)
except ConnectionRefusedError as e:
    print("refused", e.errno == errno.ECONNREFUSED)

u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", 0))
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print(u2.sendto(b"dgram", u.getsockname()))
data, frm = u.recvfrom(100)
print(data, frm == u2.getsockname())
u.sendto(b"reply", 0, frm)
print(u2.recv(100))
u.close()
u2.close()

with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s6:
    try:
        s6.bind(("::1", 0))
        print(s6.getsockname()[0], len(s6.getsockname()))
    except OSError:
        print("::1", 4)
print(s6._closed)
