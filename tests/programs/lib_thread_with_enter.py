# A Python `__enter__` (Condition's, a user class's) that blocks on a lock
# another thread holds must let that thread run and release it.
import threading

cond = threading.Condition()
items = []


def producer(n):
    with cond:
        items.append(n)
        cond.notify()


with cond:
    threading.Thread(target=producer, args=(1,)).start()
    cond.wait_for(lambda: items)
    print("woken with", items)

with cond:
    threading.Thread(target=producer, args=(2,)).start()
    print("wait:", cond.wait(), items)


class Guard:
    """A context manager written in Python around a plain lock."""

    def __init__(self):
        self.lock = threading.Lock()
        self.log = []

    def __enter__(self):
        self.lock.acquire()
        self.log.append("enter " + threading.current_thread().name)
        return self

    def __exit__(self, *exc):
        self.log.append("exit " + threading.current_thread().name)
        self.lock.release()
        return False


g = Guard()


def worker():
    with g as same:
        print("worker inside, same object:", same is g)


with g:
    t = threading.Thread(target=worker, name="W")
    t.start()
    print("main inside")
t.join()
print(g.log)


class Loud:
    def __enter__(self):
        raise KeyError("from __enter__")

    def __exit__(self, *exc):
        print("not called")


try:
    with Loud():
        print("not reached")
except KeyError as e:
    print("KeyError", e)


class Twice:
    def __enter__(self, extra=1):
        return extra

    def __exit__(self, *exc):
        return True


with Twice() as v:
    print("default arg enter:", v)
    raise ValueError("swallowed")
print("after swallowed")


def gen():
    x = 10
    yield x
    y = 20
    yield y


g2 = gen()
print(g2.gi_frame is not None, g2.gi_frame.f_code.co_name, g2.gi_suspended)
next(g2)
print(g2.gi_frame.f_locals, g2.gi_frame.f_lineno)
next(g2)
print(sorted(g2.gi_frame.f_locals.items()))
for _ in g2:
    pass
print(g2.gi_frame)
import inspect  # noqa: E402

g3 = gen()
print(inspect.getgeneratorstate(g3))
next(g3)
print(inspect.getgeneratorstate(g3))
g3.close()
print(inspect.getgeneratorstate(g3))
import types  # noqa: E402

print(types.ModuleType("mymod", "docs"), types.ModuleType("x").__doc__)
