# threading basics: start/join, names, idents, Lock/RLock, active_count,
# daemon flags, an exception escaping a thread (threading.excepthook).
import threading
import _thread
import time

results = []
lock = threading.Lock()


def worker(n):
    for i in range(3):
        with lock:
            results.append((n, i))
        time.sleep(0.001)


threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
print([t.is_alive() for t in threads])
print(threading.current_thread().name, threading.current_thread() is threading.main_thread())
print(threading.active_count(), _thread._count())

idents = {}


def record(key):
    idents[key] = threading.get_ident()
    idents[key + "_name"] = threading.current_thread().name


t1 = threading.Thread(target=record, args=("a",), name="Alpha")
t2 = threading.Thread(target=record, args=("b",), name="Beta")
t1.start(); t2.start(); t1.join(); t2.join()
print(idents["a_name"], idents["b_name"])
print(threading.get_ident() not in (idents["a"], idents["b"]))


def unnamed():
    pass


t = threading.Thread(target=unnamed)
print(t.name.startswith("Thread-"), t.name.endswith("(unnamed)"))
t.start(); t.join()

# RLock re-entry and ownership
rl = threading.RLock()
with rl:
    with rl:
        print("nested rlock")
try:
    rl.release()
except RuntimeError as e:
    print("RuntimeError", e)

owned = []


def other_release():
    try:
        rl.release()
    except RuntimeError as e:
        owned.append(str(e))


rl.acquire()
t = threading.Thread(target=other_release)
t.start(); t.join()
rl.release()
print(owned)

# counting with a lock under contention (threads sleep while holding it)
counter = [0]


def bump():
    for _ in range(50):
        with lock:
            v = counter[0]
            if _ % 10 == 0:
                time.sleep(0)
            counter[0] = v + 1


ts = [threading.Thread(target=bump) for _ in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(counter[0])

# acquire with a timeout on a held lock
lock.acquire()
start = time.monotonic()
print(lock.acquire(timeout=0.05), time.monotonic() - start >= 0.04)
print(lock.acquire(False))
lock.release()

# daemon flag, inherited from the creating thread
d = threading.Thread(target=lambda: None, daemon=True)
print(d.daemon, threading.Thread(target=unnamed).daemon)

# a return value is ignored; an exception goes to threading.excepthook
def boom():
    raise ValueError("boom in thread")


t = threading.Thread(target=boom, name="Boomer")
t.start()
t.join()
print("after boom", t.is_alive())

seen = []
old = threading.excepthook
threading.excepthook = lambda args: seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
t = threading.Thread(target=boom, name="Hooked")
t.start(); t.join()
threading.excepthook = old
print(seen)

# _thread directly
done = threading.Event()
box = []


def raw(a, b=0):
    box.append(a + b)
    done.set()


_thread.start_new_thread(raw, (1,), {"b": 2})
done.wait()
print(box)
print("end")
