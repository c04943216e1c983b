# Raw (unbuffered) reads make one system call: a pipe holding fewer bytes
# than asked gives what it holds. Buffered read1/readinto1 too.
import os
import threading

r, w = os.pipe()
raw = open(r, "rb", buffering=0, closefd=False)
print(type(raw).__name__)
os.write(w, b"pipe")
buf = bytearray(16)
print(raw.readinto(buf), bytes(buf[:6]))
os.write(w, b"abc")
print(raw.read(10))
os.write(w, b"")
os.write(w, b"xyz")
print(raw.read(2), raw.read(5))

buffered = open(r, "rb", closefd=False)
os.write(w, b"12345")
print(buffered.read1(10))
os.write(w, b"678")
b2 = bytearray(8)
print(buffered.readinto1(b2), bytes(b2))
os.write(w, b"tail")
print(buffered.peek(2)[:4], buffered.read(4))

# A reader thread waiting on an empty pipe lets the writer thread run.
got = []
t = threading.Thread(target=lambda: got.append(raw.read(100)))
t.start()
writer = threading.Thread(target=lambda: os.write(w, b"from a thread"))
writer.start()
t.join()
writer.join()
print(got)

os.close(w)
print(raw.read(5), buffered.read())
raw.close()
buffered.close()
os.close(r)
