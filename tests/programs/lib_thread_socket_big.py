# sendall of more than a socket buffer holds, in blocking mode, while the
# reader is another green thread: each send must not block the OS thread.
import socket
import threading

a, b = socket.socketpair()
data = bytes(range(256)) * 8000
got = []


def reader():
    buf = bytearray()
    while len(buf) < len(data):
        chunk = a.recv(100000)
        if not chunk:
            break
        buf += chunk
    got.append(bytes(buf))


t = threading.Thread(target=reader)
t.start()
b.sendall(data)
t.join()
print("sendall", len(got[0]), got[0] == data)

# The other way round: the thread sends, the main thread receives.
t = threading.Thread(target=lambda: a.sendall(data))
t.start()
buf = bytearray()
while len(buf) < len(data):
    buf += b.recv(65536)
t.join()
print("recv", len(buf), bytes(buf) == data)
a.close()
b.close()
