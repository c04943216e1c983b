# A traceback keeps the locals of the frames an exception left: they are
# freed (and their __del__ runs) when the exception is, and tb_frame.f_locals
# reads them.
import gc
import sys


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

    def __repr__(self):
        return f"Noisy({self.name})"


def raises(name):
    held = Noisy(name)
    raise ValueError(name)


try:
    raises("caught")
except ValueError:
    print("in handler")
print("after handler")

try:
    raises("kept")
except ValueError as e:
    saved = e
print("exception saved")
del saved
print("exception dropped")


def reraises(n):
    item = Noisy(f"reraise {n}")
    try:
        raise KeyError(n)
    except KeyError as e:
        print("inner", e)
        raise


for i in range(2):
    try:
        reraises(i)
    except KeyError:
        print("outer", i)


def holds_itself():
    marker = Noisy("cycle")
    err = RuntimeError("self")
    raise err


try:
    holds_itself()
except RuntimeError:
    pass
print("cycle left behind")
print("collected", gc.collect() > 0)


def inner(x):
    y = [x, x]
    raise KeyError(x)


def outer():
    z = 7
    inner(3)


try:
    outer()
except KeyError as exc:
    tb = exc.__traceback__.tb_next
    while tb:
        frame = tb.tb_frame
        print(frame.f_code.co_name, sorted(frame.f_locals.items()))
        tb = tb.tb_next
    del tb, frame


def maker():
    cell = Noisy("cell")

    def use():
        return len(cell.name) / 0

    return use()


try:
    maker()
except ZeroDivisionError:
    t, v, tb = sys.exc_info()
    while tb.tb_next:
        tb = tb.tb_next
    print(sorted(tb.tb_frame.f_locals))
    del t, v, tb
print("closure done")


def gen():
    g = Noisy("gen")
    yield 1
    raise RuntimeError("in gen")


try:
    for _ in gen():
        pass
except RuntimeError as e:
    print("gen locals", sorted(e.__traceback__.tb_next.tb_frame.f_locals))
print("generator done")



# The StopIteration that ends a loop over a Python iterator frees its
# __next__ frame (and the iterator) as the loop ends.
class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n

    def __del__(self):
        print("del countdown")


for k in Countdown(2):
    print("step", k)
print("loop over")
print(list(Countdown(3)))
print("list over")

# An uncaught exception frees its frames' locals at exit, after the traceback.
raises("uncaught")
