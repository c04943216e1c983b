# os.fork() in a threaded program: only the forking thread goes on in the
# child, and it is the child's main thread (signal.signal works there).
import os
import signal
import threading
import time

got = []


def child_checks():
    # No other thread of the parent runs here.
    names = sorted(t.name for t in threading.enumerate())
    got.append(str(names))
    signal.signal(signal.SIGUSR1, lambda *a: got.append("handler ran"))
    os.kill(os.getpid(), signal.SIGUSR1)
    time.sleep(0.01)
    got.append("main: %s" % (threading.current_thread() is threading.main_thread()))
    os.write(1, ("\n".join(got) + "\n").encode())
    os._exit(7)


def forker():
    pid = os.fork()
    if pid == 0:
        child_checks()
    _, status = os.waitpid(pid, 0)
    results.append(os.waitstatus_to_exitcode(status))


stop = threading.Event()


def spinner():
    # A thread that would keep running (and print) if the child had it.
    while not stop.wait(0.001):
        pass


results = []
spin = threading.Thread(target=spinner, name="spinner")
spin.start()
# From the main thread.
pid = os.fork()
if pid == 0:
    child_checks()
_, status = os.waitpid(pid, 0)
print("child exit", os.waitstatus_to_exitcode(status))
# From another thread.
t = threading.Thread(target=forker, name="forker")
t.start()
t.join()
print("thread child exit", results)
stop.set()
spin.join()

# A multiprocessing pool made in threads (each forks its worker).
import multiprocessing


def use_pool():
    with multiprocessing.Pool(1) as p:
        out.append(p.apply(abs, (-3,)))


out = []
threads = [threading.Thread(target=use_pool) for _ in range(3)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print("pool results", out)
