# A thread spinning on an Event with only a call and a loop jump per turn
# must still yield, and so must one looping on gc.collect().
import gc
import threading
import time

stop = threading.Event()
turns = [0]


def spin():
    while not stop.is_set():
        turns[0] += 1


def spin_call():
    n = 0
    while not stop.is_set():
        n = n + 1
    return n


def collector():
    while not stop.is_set():
        gc.collect()


for target in (spin, spin_call, collector):
    stop.clear()
    t = threading.Thread(target=target)
    t.start()
    time.sleep(0.05)
    stop.set()
    t.join()
    print(target.__name__, "stopped", t.is_alive())

print(turns[0] > 0)
