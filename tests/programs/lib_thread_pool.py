# Producer/consumer with queue.Queue, threading.local, ThreadPoolExecutor,
# sleeping threads finishing in order of their sleeps.
import threading
import queue
import time
from concurrent.futures import ThreadPoolExecutor, as_completed, wait

q = queue.Queue(maxsize=2)
out = []


def producer():
    for i in range(8):
        q.put(i)
    q.put(None)


def consumer():
    while True:
        x = q.get()
        if x is None:
            q.task_done()
            break
        out.append(x * x)
        q.task_done()


ts = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in ts:
    t.start()
q.join()
for t in ts:
    t.join()
print("queue", out)

# several consumers, results gathered and sorted
jobs = queue.Queue()
results = queue.Queue()
for i in range(10):
    jobs.put(i)


def work():
    while True:
        try:
            n = jobs.get_nowait()
        except queue.Empty:
            return
        time.sleep(0.001)
        results.put((n, threading.current_thread().name.split(" ")[0] != ""))


ws = [threading.Thread(target=work) for _ in range(3)]
for w in ws:
    w.start()
for w in ws:
    w.join()
print("workers", sorted(results.get() for _ in range(results.qsize())))
try:
    results.get(timeout=0.01)
except queue.Empty:
    print("queue.Empty after timeout")

# threading.local
loc = threading.local()
loc.x = "main"
seen = {}


def use_local(n):
    seen[n, "before"] = hasattr(loc, "x")
    loc.x = n
    time.sleep(0.002)
    seen[n, "after"] = loc.x


ts = [threading.Thread(target=use_local, args=(n,)) for n in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("local", sorted(seen.items()), loc.x)

# sleeps finish in order of their lengths
finished = []
flock = threading.Lock()


def sleeper(n):
    time.sleep(0.02 * n)
    with flock:
        finished.append(n)


ts = [threading.Thread(target=sleeper, args=(n,)) for n in (3, 1, 2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("sleep order", finished)


# ThreadPoolExecutor
def square(x):
    time.sleep(0.001 * (5 - x % 5))
    return x * x


with ThreadPoolExecutor(max_workers=3) as ex:
    print("map", list(ex.map(square, range(8))))
    futs = {ex.submit(square, i): i for i in range(6)}
    print("as_completed", sorted((futs[f], f.result()) for f in as_completed(futs)))
    f = ex.submit(pow, 2, 10)
    print("submit", f.result(), f.done())
    done, not_done = wait([ex.submit(square, 3), ex.submit(square, 4)])
    print("wait", sorted(d.result() for d in done), len(not_done))


def fail():
    raise KeyError("nope")


with ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as ex:
    fut = ex.submit(fail)
    try:
        fut.result()
    except KeyError as e:
        print("future raised", repr(e))
    names = set(ex.map(lambda _: threading.current_thread().name.split("_")[0], range(4)))
    print("names", names)
print("end")
