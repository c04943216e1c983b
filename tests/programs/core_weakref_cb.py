import _weakref as weakref
import gc


def cb(r):
    print('callback', type(r).__name__)


def f():
    pass


r = weakref.ref(f, cb)
del f
gc.collect()
print(r())


class K:
    pass


r = weakref.ref(K, cb)
del K
gc.collect()
print(r())


class S(set):
    pass


s = S()
r = weakref.ref(s, cb)
del s
print(r())


class M:
    def m(self):
        pass


o = M()
bm = o.m
r = weakref.ref(bm, cb)
del bm
print(r())


def g():
    pass


p = weakref.proxy(g)
print(p.__name__)
try:
    weakref.ref(1)
except TypeError as e:
    print(e)
try:
    weakref.ref(set())
    print('set ok')
    weakref.ref([])
except TypeError as e:
    print(e)
