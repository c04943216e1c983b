# Blocking I/O between green threads: buffered socket files (whose _io
# objects delegate to _pyio) read in two threads that wait for each other,
# a signal sent to a main thread blocked in sendall, and a text read(n) of a
# pipe that returns once it has n characters.
import os
import signal
import socket
import threading

# Two threads each block in readline() of a socket file, each waiting for
# the other's reply.
a, b = socket.socketpair()
ra, rb = a.makefile('rb'), b.makefile('rb')


def client():
    line = rb.readline()
    print('client got', line)
    b.sendall(b'pong\n')
    print('client read', rb.read(3))


t = threading.Thread(target=client)
t.start()
a.sendall(b'ping\n')
print('main got', ra.readline())
a.sendall(b'abc')
t.join()
for f in (ra, rb, a, b):
    f.close()

# The main thread blocks in sendall (the peer reads nothing yet); another
# thread signals it and waits for the handler to have run.
a, b = socket.socketpair()
handled = threading.Event()


def handler(signum, frame):
    handled.set()


old = signal.signal(signal.SIGUSR1, handler)
main = threading.get_ident()
received = 0


def reader():
    global received
    b.recv(100)
    received += 100
    while not handled.wait(timeout=1.0):
        signal.pthread_kill(main, signal.SIGUSR1)
    signal.pthread_kill(main, signal.SIGUSR1)
    while True:
        data = b.recv(1 << 16)
        if not data:
            break
        received += len(data)


t = threading.Thread(target=reader)
t.start()
size = 8 << 20
a.sendall(b'\0' * size)
a.close()
t.join()
b.close()
signal.signal(signal.SIGUSR1, old)
print('handled', handled.is_set(), 'received', received == size)

# A text read(n) of a pipe: a handler writes the rest while read waits.
r, w = os.pipe()


def alarm_handler(signum, frame):
    os.write(w, b'bar')


signal.signal(signal.SIGALRM, alarm_handler)
f = open(r, 'r', encoding='latin-1', closefd=False)
os.write(w, b'foo')
signal.alarm(1)
print(f.read(6))
signal.alarm(0)
f.close()
os.close(r)
os.close(w)
