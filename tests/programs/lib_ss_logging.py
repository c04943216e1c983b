# logging to stderr, threading's single thread, queue, atexit.
import atexit
import logging
import queue
import sys
import threading

logging.warning("hello %s", 1)
logging.basicConfig(level=logging.DEBUG, format="%(levelname)s:%(name)s:%(message)s", force=True)
logging.info("info")
log = logging.getLogger("app.sub")
log.debug("dbg %d", 5)
log.error("err")
try:
    raise ValueError("boom")
except ValueError:
    log.exception("caught")
log.setLevel(logging.ERROR)
log.warning("hidden")
log.critical("shown")
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("[%(levelname)s] %(message)s"))
other = logging.getLogger("other")
other.addHandler(h)
other.propagate = False
other.warning("to stdout")
print(logging.getLevelName(logging.INFO), logging.getLevelName(35), log.getEffectiveLevel())

t = threading.current_thread()
print(t.name, t is threading.main_thread(), threading.active_count(), type(threading.get_ident()))
lock = threading.Lock()
with lock:
    print(lock.locked())
print(lock.locked(), lock.acquire(False), lock.acquire(False))
lock.release()
r = threading.RLock()
with r:
    with r:
        print("rlock nested")
ev = threading.Event()
ev.set()
print(ev.is_set(), ev.wait(0))
cond = threading.Condition()
with cond:
    print(cond.wait(0))
local = threading.local()
local.x = 5
print(local.x)

q = queue.Queue()
for i in range(3):
    q.put(i)
print(q.get(), q.qsize(), q.empty(), q.full())
try:
    queue.Queue().get_nowait()
except queue.Empty:
    print("empty")
lq = queue.LifoQueue()
lq.put(1)
lq.put(2)
print(lq.get())
pq = queue.PriorityQueue()
for x in [3, 1, 2]:
    pq.put(x)
print([pq.get() for _ in range(3)])


def bye(x, y=2):
    print("bye", x, y)


atexit.register(bye, 1, y=3)
atexit.register(print, "second")
atexit.unregister(print)
print("end")
