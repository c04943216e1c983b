# Synchronisation primitives across threads: Condition, Event, Semaphore,
# BoundedSemaphore, Barrier, Timer, and timeouts.
import threading
import time

# Condition: a consumer waits for items
cond = threading.Condition()
items = []
got = []


def consumer():
    with cond:
        while len(got) < 3:
            while not items:
                cond.wait()
            got.append(items.pop(0))


c = threading.Thread(target=consumer)
c.start()
for i in range(3):
    time.sleep(0.002)
    with cond:
        items.append(i * 10)
        cond.notify()
c.join()
print("condition", got)

# wait_for with a predicate, notify_all
ready = []
flag = [False]


def waiter(n):
    with cond:
        cond.wait_for(lambda: flag[0])
        ready.append(n)


ws = [threading.Thread(target=waiter, args=(n,)) for n in range(4)]
for w in ws:
    w.start()
time.sleep(0.01)
with cond:
    flag[0] = True
    cond.notify_all()
for w in ws:
    w.join()
print("notify_all", sorted(ready))

# Condition.wait timeout
with cond:
    print("cond timeout", cond.wait(0.01))

# Event
ev = threading.Event()
order = []


def setter():
    time.sleep(0.01)
    order.append("set")
    ev.set()


threading.Thread(target=setter).start()
print("event", ev.wait(2), order)
ev.clear()
print("event timeout", ev.wait(0.01), ev.is_set())

# Semaphore limits concurrency
sem = threading.Semaphore(2)
active = [0]
peak = [0]
slock = threading.Lock()


def limited():
    with sem:
        with slock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.005)
        with slock:
            active[0] -= 1


ts = [threading.Thread(target=limited) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("semaphore peak", peak[0])

bs = threading.BoundedSemaphore(1)
bs.acquire()
bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError", e)
print("sem timeout", sem.acquire(timeout=0.01), sem.acquire(blocking=False))

# Barrier: everyone passes together
barrier = threading.Barrier(3)
phases = []


def phase(n):
    phases.append(("a", n))
    idx = barrier.wait()
    phases.append(("b", n))
    return idx


ts = [threading.Thread(target=phase, args=(n,)) for n in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
first_b = min(i for i, p in enumerate(phases) if p[0] == "b")
print("barrier", len(phases), all(p[0] == "a" for p in phases[:first_b]), first_b)

b2 = threading.Barrier(2, timeout=0.01)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("BrokenBarrierError", b2.broken)

# Timer fires, a cancelled one does not
fired = []
t = threading.Timer(0.01, fired.append, args=("fired",))
t.start()
t.join()
t2 = threading.Timer(10, fired.append, args=("cancelled",))
t2.start()
t2.cancel()
t2.join()
print("timer", fired)

# join with a timeout on a sleeping thread
s = threading.Thread(target=time.sleep, args=(0.05,))
s.start()
s.join(0.001)
print("still alive", s.is_alive())
s.join()
print("joined", s.is_alive())
