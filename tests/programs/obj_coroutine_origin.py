# sys.set_coroutine_origin_tracking_depth: coroutines record where they were
# created (cr_origin), and the never-awaited warning shows those frames.
import sys


async def job():
    return 1


def make():
    return job()


def outer():
    return make()


def short(origin):
    return [(f.rsplit("/", 1)[-1], line, name) for f, line, name in origin]


print(sys.get_coroutine_origin_tracking_depth())
c = outer()
print(c.cr_origin)
c.close()

sys.set_coroutine_origin_tracking_depth(2)
print(sys.get_coroutine_origin_tracking_depth())
c = outer()
print(short(c.cr_origin))
print(c.cr_origin is c.cr_origin)
c.close()

sys.set_coroutine_origin_tracking_depth(depth=50)
c = outer()
print(short(c.cr_origin))
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)

for bad in (-1, "3", 2**40):
    try:
        sys.set_coroutine_origin_tracking_depth(bad)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(sys.get_coroutine_origin_tracking_depth())


async def agen():
    yield 1


def gen():
    yield 1


print(hasattr(agen(), "cr_origin"), hasattr(agen(), "ag_origin"), hasattr(gen(), "gi_origin"))

sys.set_coroutine_origin_tracking_depth(3)
outer()
sys.set_coroutine_origin_tracking_depth(0)
outer()
print("done")
