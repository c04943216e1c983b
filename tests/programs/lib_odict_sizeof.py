# sys.getsizeof asks a Python class's __sizeof__; an OrderedDict is bigger
# than the dict it copies, and cycles through it are collected.
import gc
import sys
import weakref
from collections import OrderedDict

d = dict(a=1)
print(sys.getsizeof(OrderedDict(**d)) > sys.getsizeof(d))


class Sized:
    def __sizeof__(self):
        return 10


class Slotted:
    __slots__ = ()

    def __sizeof__(self):
        return 10


class IntSized(int):
    def __sizeof__(self):
        return 10


class Super:
    def __sizeof__(self):
        return object.__sizeof__(self) + 1


print(sys.getsizeof(Sized()), sys.getsizeof(Slotted()), sys.getsizeof(IntSized()))
print(sys.getsizeof(Super()))


class Bad:
    def __init__(self, r):
        self.r = r

    def __sizeof__(self):
        return self.r


for r in ("x", -1):
    try:
        sys.getsizeof(Bad(r))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sys.getsizeof(Bad("x"), "default"))


class A:
    od = OrderedDict()


A.od[A] = None
r = weakref.ref(A)
del A
gc.collect()
print(r())
