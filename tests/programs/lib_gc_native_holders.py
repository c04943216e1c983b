# Cycles that run through a deque's items are garbage the collector must
# see through; a deque is tracked, as CPython's are.
import gc
import weakref
from collections import deque


class Box:
    pass


def dies(make_holder):
    def build():
        box = Box()
        box.holder = make_holder(box)
        return weakref.ref(box)

    gc.collect()
    ref = build()
    gc.collect()
    return ref() is None


print("deque", dies(lambda b: deque([b])))
print("deque maxlen", dies(lambda b: deque([1, b], maxlen=2)))

# A live deque keeps its items; a collected one lets them go.
keep = deque([Box()])
gc.collect()
print(len(keep), type(keep[0]).__name__)
d = deque()
d.append(d)
r = weakref.ref(Box())
del d
print(gc.collect() >= 1)
print(gc.is_tracked(deque()))
