# sys._current_frames() and sys._current_exceptions(): every live thread's
# innermost frame and handled exception, keyed by thread identifier.
import sys
import threading
import traceback

me = threading.get_ident()
frames = sys._current_frames()
print(type(frames).__name__, list(frames) == [me])
print(frames[me].f_code.co_name, frames[me].f_lineno)
print(sys._current_exceptions() == {me: (None, None, None)})

try:
    1 / 0
except ZeroDivisionError:
    t, v, tb = sys._current_exceptions()[me]
    print(t.__name__, v, tb.tb_lineno)

started = threading.Event()
finish = threading.Event()


def inner(n):
    try:
        raise KeyError(n)
    except KeyError:
        started.set()
        finish.wait()


def worker():
    local_value = 42
    inner('k')


t = threading.Thread(target=worker)
t.start()
started.wait()
frames = sys._current_frames()
print(len(frames), sorted(frames) == sorted([me, t.ident]))
f = frames[t.ident]
names = []
while f is not None:
    names.append(f.f_code.co_name)
    f = f.f_back
print(names[-3:])
print('inner' in names, 'worker' in names)
wf = frames[t.ident]
while wf.f_code.co_name != 'worker':
    wf = wf.f_back
print(wf.f_locals['local_value'], wf.f_lineno)
stack = traceback.extract_stack(frames[t.ident])
print([s.name for s in stack][-4:-2])
excs = sys._current_exceptions()
print(len(excs), excs[me], repr(excs[t.ident][1]))


def helper():
    return sys._current_frames()[me].f_code.co_name


print(helper())
finish.set()
t.join()
print(list(sys._current_frames()) == [me])


# A thread blocked under a Rust frame (a lock taken in `__enter__` of a
# Python context manager that waits) still shows its frames.
class Gate:
    def __init__(self):
        self.lock = threading.Lock()
        self.lock.acquire()

    def __enter__(self):
        entered.set()
        self.lock.acquire()

    def __exit__(self, *a):
        pass


entered = threading.Event()
gate = Gate()


def blocked():
    with gate:
        pass


t2 = threading.Thread(target=blocked)
t2.start()
entered.wait()
f = sys._current_frames()[t2.ident]
print(f.f_code.co_name, f.f_back.f_code.co_name)
gate.lock.release()
t2.join()
try:
    sys._current_frames(1)
except TypeError as e:
    print(e)
