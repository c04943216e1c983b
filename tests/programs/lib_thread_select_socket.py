# Python threads share the VM's OS thread: a thread waiting in select(),
# poll() or a socket call must let the others run, as CPython's release
# of the GIL does.
import select
import socket
import threading
import time

# A server thread polls its listening socket with select() and a timeout,
# while the main thread connects and sends.
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.bind(("127.0.0.1", 0))
srv.listen()
port = srv.getsockname()[1]
ready = threading.Event()
got = []
stop = False


def serve():
    ready.set()
    while not stop:
        rd, _, _ = select.select([srv], [], [], 1.0)
        if rd:
            conn, _ = srv.accept()
            with conn:
                data = b""
                while True:
                    chunk = conn.recv(3)  # a blocking socket
                    if not chunk:
                        break
                    data += chunk
                got.append(data)
                conn.sendall(b"thanks")


t = threading.Thread(target=serve)
t.start()
ready.wait()
print("server ready")
start = time.monotonic()
c = socket.create_connection(("127.0.0.1", port), timeout=10)
c.sendall(b"hello there")
c.shutdown(socket.SHUT_WR)
print("reply", c.recv(100))
c.close()
stop = True
t.join()
srv.close()
print("got", got)
print("quick", time.monotonic() - start < 5)

# poll() in one thread while another writes to the pipe it watches.
import os

r, w = os.pipe()


def writer():
    time.sleep(0.05)
    os.write(w, b"x")


p = select.poll()
p.register(r, select.POLLIN)
t = threading.Thread(target=writer)
t.start()
events = p.poll(5000)
print("poll", [(fd == r, ev & select.POLLIN != 0) for fd, ev in events])
t.join()
print("select timeout", select.select([r], [], [], 0.01)[0] == [r])
os.read(r, 1)


def idle():
    time.sleep(0.02)


t = threading.Thread(target=idle)
t.start()
print("select timeout", select.select([r], [], [], 0.05))
t.join()
os.close(r)
os.close(w)
