# Iterators of builtin containers hold the object they iterate (not only its
# storage) and let it go once exhausted: a subclass instance's __del__ runs
# at the end of the iteration, not before the iterator exists.
import array
import gc

log = []


def check(cls, *args):
    log.clear()

    class Sub(cls):
        def __del__(self):
            log.append("del")
            try:
                next(it)
            except StopIteration:
                log.append("again: stop")

    it = None
    it = iter(Sub(*args))
    log.append(type(it).__name__)
    items = []
    try:
        while True:
            items.append(next(it))
    except StopIteration:
        log.append("stop")
    gc.collect()
    print(cls.__name__, items, log)


check(list, [1, 2])
check(tuple, (1, 2))
check(set, {3})
check(frozenset, {4})
check(dict, {"k": 1})
check(str, "ab")
check(bytes, b"ab")
check(bytearray, b"ab")
check(array.array, "b", [5, 6])

# A for loop over a subclass instance sees the same iterator.
class L(list):
    pass


print([x * 2 for x in L([1, 2, 3])], sorted(L([3, 1, 2])))

# The iterator's __reduce__ names the instance while it runs.
lst = L([7, 8, 9])
it = iter(lst)
next(it)
f, args, idx = it.__reduce__()
print(f.__name__, type(args[0]).__name__, args[0] is lst, idx)
list(it)
print(it.__reduce__()[1])
print(iter(L([1])).__length_hint__(), type(iter(L())).__name__)

# array iterators read the array as it is now, and let it go at the end.
a = array.array("i", [1, 2, 3])
it = iter(a)
print(next(it))
a.append(4)
print(list(it))
a.append(5)
print(list(it), it.__reduce__())
it2 = iter(a)
it2.__setstate__(3)
print(list(it2))
it3 = iter(a)
it3.__setstate__(-7)
print(next(it3), it3.__reduce__()[2], type(it3).__name__, type(it3).__module__)
