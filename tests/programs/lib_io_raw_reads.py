# A raw FileIO read asks the OS for only what it was asked (the rest stays
# in the file for select, a child process or lseek); buffering=1 in binary
# mode warns; a read of a write-only file refuses at once, even while
# another thread waits on the pipe.
import io
import os
import select
import subprocess
import sys
import tempfile
import threading
import warnings

d = tempfile.mkdtemp()
p = os.path.join(d, "f")
with open(p, "wb") as f:
    f.write(b"0123456789")
f = open(p, "rb", buffering=0)
print(f.read(4), os.lseek(f.fileno(), 0, os.SEEK_CUR), f.tell())
b = bytearray(3)
print(f.readinto(b), b, os.lseek(f.fileno(), 0, os.SEEK_CUR))
print(f.read(), f.read(3))
f.close()

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    g = open(p, "ab", buffering=1)
    g.close()
    print([str(x.message) for x in w], w[0].category.__name__)

q = subprocess.Popen([sys.executable, "-c", 'import sys; sys.stdout.write("apple")'],
                     stdout=subprocess.PIPE, bufsize=0)
print(q.stdout.read(4), q.stdout in select.select([q.stdout], [], [], 5.0)[0], q.stdout.read())
q.wait()
q.stdout.close()

r, wfd = os.pipe()
t = threading.Thread(target=os.read, args=(r, 100))
t.start()
wf = io.FileIO(wfd, "w")
try:
    wf.read(1)
except io.UnsupportedOperation as e:
    print("UnsupportedOperation:", e)
print(wf.write(b"3"))
wf.close()
t.join()
os.close(r)
os.remove(p)
os.rmdir(d)
