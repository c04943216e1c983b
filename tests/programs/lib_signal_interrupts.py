# A signal handler that raises ends a blocked socket sendall (PEP 475);
# select reads a list whose fileno() shrinks it as it goes; os.abort ends a
# child with SIGABRT; socket.recvfrom_into.
import signal
import socket
import subprocess
import sys
import select

def raising_handler(*args):
    1 // 0

c, s = socket.socketpair()
old = signal.signal(signal.SIGALRM, raising_handler)
try:
    signal.alarm(1)
    c.sendall(b"x" * (16 * 1024 * 1024))
except ZeroDivisionError:
    print("sendall interrupted: ZeroDivisionError")
finally:
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)
c.close()
s.close()

a = []
class F:
    def fileno(self):
        del a[-1]
        return sys.__stdout__.fileno()
a[:] = [F()] * 10
print(len(select.select([], a, [])[1]), len(a))

q = subprocess.Popen([sys.executable, "-c", "import os; os.abort()"])
print("abort:", q.wait())

u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2.bind(("127.0.0.1", 0))
u2.sendto(b"hello", u1.getsockname())
buf = bytearray(10)
n, addr = u1.recvfrom_into(buf)
print(n, bytes(buf), addr == u2.getsockname())
u2.sendto(b"abcdef", u1.getsockname())
mv = memoryview(bytearray(8))
print(u1.recvfrom_into(mv, 4)[0], bytes(mv))
try:
    u1.recvfrom_into(bytearray(2), 5)
except ValueError as e:
    print("ValueError:", e)
try:
    u1.sendto(b"x")
except TypeError as e:
    print("TypeError:", e)
u1.close()
u2.close()
