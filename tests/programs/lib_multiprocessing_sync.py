# Lock, Semaphore, Event and Queue shared with forked processes.
import multiprocessing as mp

def worker_lock(lock, sem, ev, q, n):
    with lock:
        q.put(("locked", n))
    sem.acquire()
    sem.release()
    ev.wait()
    q.put(("done", n))

if __name__ == "__main__":
    ctx = mp.get_context("fork")
    q = ctx.Queue()
    lock = ctx.Lock(); sem = ctx.Semaphore(1); ev = ctx.Event()
    ps = [ctx.Process(target=worker_lock, args=(lock, sem, ev, q, i)) for i in range(3)]
    for p in ps: p.start()
    got = [q.get(timeout=10) for _ in range(3)]
    print(sorted(got))
    ev.set()
    got = [q.get(timeout=10) for _ in range(3)]
    print(sorted(got))
    for p in ps: p.join()
    print([p.exitcode for p in ps])
