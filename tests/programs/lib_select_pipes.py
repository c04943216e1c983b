# select.select and select.poll on pipes, the os calls subprocess is built
# on (pipe, dup, dup2, inheritable and blocking flags), os.system, os.popen,
# os.waitpid on a child, and selectors' default selector.
import os
import select
import selectors

r, w = os.pipe()
print(os.get_inheritable(r), os.get_inheritable(w))
os.set_inheritable(r, True)
print(os.get_inheritable(r))
print(os.get_blocking(r))
os.set_blocking(r, False)
print(os.get_blocking(r))
try:
    os.read(r, 10)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
os.set_blocking(r, True)

print(select.select([r], [w], [], 0))
os.write(w, b"ping")
rl, wl, xl = select.select([r], [w], [r], 1.5)
print(rl == [r], wl == [w], xl)
print(os.read(r, 100))

p = select.poll()
p.register(r, select.POLLIN)
p.register(w, select.POLLOUT)
print(sorted(p.poll(0)))
os.write(w, b"x")
print(sorted(p.poll(100)))
p.modify(w, select.POLLIN)
p.unregister(w)
print(p.poll(None))
print(os.read(r, 1))
os.close(w)
print(p.poll(-1) == [(r, select.POLLHUP)])
print(select.select([r], [], [], None) == ([r], [], []))
print(os.read(r, 10))
os.close(r)

for bad in [(["x"], [], []), ([-1], [], [])]:
    try:
        select.select(*bad, 0)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    select.select([], [], [], -1)
except ValueError as e:
    print(e)
try:
    p.unregister(12345)
except KeyError as e:
    print("KeyError", e)
try:
    p.modify(12345, 1)
except OSError as e:
    print(type(e).__name__, e)
try:
    p.register(0, -1)
except ValueError as e:
    print(e)
try:
    os.close(12345)
except OSError as e:
    print(e)

# A file object with fileno() works too.
r, w = os.pipe()
with open(w, "wb", buffering=0) as f:
    print(select.select([], [f], [], 0)[1] == [f])
    f.write(b"via file")
with open(r, "rb") as f:
    print(f.read())
try:
    os.close(w)
except OSError as e:
    print("closed by the file:", e)

# dup and dup2.
r, w = os.pipe()
w2 = os.dup(w)
print(w2 > w, os.get_inheritable(w2))
os.write(w2, b"dup ")
r3 = os.dup(r)
w3 = os.dup(w)
print(os.dup2(w, w3) == w3, os.get_inheritable(w3))
print(os.dup2(w, w3, inheritable=False) == w3, os.get_inheritable(w3))
os.write(w3, b"dup2")
for fd in (w, w2, w3):
    os.close(fd)
print(os.read(r, 100), os.read(r3, 100))
os.close(r)
os.close(r3)

# CPython picks epoll, Pith poll: both are selectors.
print(issubclass(selectors.DefaultSelector, selectors.BaseSelector))
r, w = os.pipe()
with selectors.DefaultSelector() as sel:
    sel.register(r, selectors.EVENT_READ, "reader")
    print(sel.select(0))
    os.write(w, b"!")
    print([(k.data, ev) for k, ev in sel.select(1)])
os.close(r)
os.close(w)

# os.system and os.popen.
status = os.system("exit 3")
print(status, os.waitstatus_to_exitcode(status), os.WIFEXITED(status), os.WEXITSTATUS(status))
print(os.system("true"))
with os.popen("echo popen; echo two") as f:
    print(f.read().split())
f = os.popen("exit 2")
print(f.read(), f.close())
f = os.popen("cat > /dev/null", "w")
f.write("ignored")
print(f.close())

# waitpid, kill and the wait macros through a subprocess.
import subprocess
child = subprocess.Popen(["sleep", "10"])
os.kill(child.pid, 9)
pid, status = os.waitpid(child.pid, 0)
print(pid == child.pid, os.WIFSIGNALED(status), os.WTERMSIG(status), os.waitstatus_to_exitcode(status))
child.returncode = -9
try:
    os.waitpid(child.pid, 0)
except ChildProcessError as e:
    print(e)
old = os.umask(0o27)
print(oct(os.umask(old)))
print(os.devnull)
