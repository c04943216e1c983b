# Nested tuples of classes in isinstance/issubclass count against the
# recursion limit together with the Python frames below them, as
# Py_EnterRecursiveCall does: RecursionError, never a crash.
import sys


def blowstack(fxn, arg, compare_to):
    tuple_arg = (compare_to,)
    for cnt in range(sys.getrecursionlimit() + 5):
        tuple_arg = (tuple_arg,)
        fxn(arg, tuple_arg)


def nested(depth, inner):
    for _ in range(depth):
        inner = (inner,)
    return inner


for fxn, arg in ((isinstance, ""), (issubclass, str)):
    try:
        blowstack(fxn, arg, str)
    except RecursionError as e:
        print(fxn.__name__, e)

old = sys.getrecursionlimit()
sys.setrecursionlimit(75)


def deeper(n, fxn, arg, cls):
    if n:
        return deeper(n - 1, fxn, arg, cls)
    return fxn(arg, cls)


for depth in (10, 30, 100):
    for fxn, arg in ((isinstance, 1), (issubclass, int)):
        try:
            print(depth, fxn.__name__, deeper(20, fxn, arg, nested(depth, int)))
        except RecursionError as e:
            print(depth, fxn.__name__, "RecursionError:", e)
sys.setrecursionlimit(old)
print(isinstance(1, nested(500, (str, int))))
