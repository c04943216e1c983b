# os.read and os.write on pipes while other threads live: a read of an empty
# pipe waits without stopping the thread that is to fill it, and a write of
# more than the pipe holds lets the reader run.
import os
import threading

r, w = os.pipe()

# The thread's target is os.read itself (test_io's pipe_writer does this).
t = threading.Thread(target=os.read, args=(r, 100))
t.start()
print("wrote", os.write(w, b"3"))
t.join()
print("reader alive", t.is_alive())

out = []
t = threading.Thread(target=lambda: out.append(os.read(r, 100)))
t.start()
os.write(w, b"abc")
t.join()
print("read", out)

# A writer thread blocks on a full pipe until the main thread reads.
data = bytes(range(256)) * 1200
done = []


def writer():
    n = 0
    while n < len(data):
        n += os.write(w, data[n:])
    done.append(n)


t = threading.Thread(target=writer)
t.start()
buf = b""
while len(buf) < len(data):
    buf += os.read(r, 65536)
t.join()
print("big", len(buf), buf == data, done)

# A reader thread that gets end-of-file when the main thread closes.
t = threading.Thread(target=lambda: out.append(os.read(r, 10)))
t.start()
os.close(w)
t.join()
print("eof", out[-1])
os.close(r)
