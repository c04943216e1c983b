# Worker threads written as `for item in iter(queue.get, None)`: each wait in
# `queue.get` must let the other threads run, whichever blocked first.
import queue
import threading

tasks = queue.Queue()
results = queue.Queue()

def worker(wid):
    for item in iter(tasks.get, None):
        results.put((item, item * item))
        tasks.task_done()
    tasks.task_done()

threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for i in range(20):
    tasks.put(i)
tasks.join()
for _ in threads:
    tasks.put(None)
for t in threads:
    t.join()
print(sorted(results.get() for _ in range(20)))

# A pipeline: each stage reads its queue until the sentinel, then passes it on.
def stage(src, dst, fn):
    for x in iter(src.get, None):
        dst.put(fn(x))
    dst.put(None)

q1, q2, q3 = queue.Queue(), queue.Queue(), queue.Queue()
stages = [
    threading.Thread(target=stage, args=(q1, q2, lambda x: x + 1)),
    threading.Thread(target=stage, args=(q2, q3, lambda x: x * 10)),
]
for t in stages:
    t.start()
for i in range(5):
    q1.put(i)
q1.put(None)
print(list(iter(q3.get, None)))
for t in stages:
    t.join()

# A bounded queue: producers block in put while consumers block in get.
bounded = queue.Queue(maxsize=2)
seen = []
lock = threading.Lock()

def consumer():
    for x in iter(bounded.get, "stop"):
        with lock:
            seen.append(x)

def producer(base):
    for i in range(5):
        bounded.put(base + i)

consumers = [threading.Thread(target=consumer) for _ in range(2)]
producers = [threading.Thread(target=producer, args=(b,)) for b in (0, 100)]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    bounded.put("stop")
for t in consumers:
    t.join()
print(sorted(seen))
