# A thread that waits on a socket under a Rust frame (here inside a class's
# __init__, as socketserver's request handlers do) runs the other threads in
# a nested loop; the main thread, whose frames rest on the outermost loop,
# must still get to run there, or the reader waits for it for ever.
import socket
import struct
import threading

a, b = socket.socketpair()
got = []
handled = threading.Semaphore(0)


class Reader:
    def __init__(self, sock):
        while True:
            head = sock.recv(4)
            if len(head) < 4:
                break
            (n,) = struct.unpack(">L", head)
            body = sock.recv(n)
            while len(body) < n:
                body += sock.recv(n - len(body))
            got.append(body.decode())
            handled.release()


t = threading.Thread(target=Reader, args=(a,))
t.start()
for word in ["spam", "eggs", "ham" * 50]:
    data = word.encode()
    b.sendall(struct.pack(">L", len(data)) + data)
    handled.acquire()
    print(len(got), got[-1][:12])
b.close()
t.join()
a.close()
print("reader done", t.is_alive())


# The main thread's own frames end while it runs in a nested loop: its
# result waits for the loop it started in.
def nested_wait_then_return():
    r, w = socket.socketpair()
    out = []

    class Waiter:
        def __init__(self):
            out.append(r.recv(10))

    th = threading.Thread(target=Waiter)
    th.start()
    w.sendall(b"go")
    th.join()
    r.close()
    w.close()
    return out


print(nested_wait_then_return())
