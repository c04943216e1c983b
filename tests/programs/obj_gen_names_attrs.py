# Generator and coroutine names come from the function at call time, and their
# data attributes refuse assignment and deletion with CPython's messages.
import sys


def func():
    yield 1


gen = func()
print(gen.__name__, gen.__qualname__)
func.__name__ = "func_name"
func.__qualname__ = "func_qualname"
gen = func()
print(gen.__name__, gen.__qualname__)
print(func().__name__, [g.__qualname__ for g in [func()]])


def call_with(f, *args):
    return f(*args)


print(call_with(func).__name__)


async def coro():
    pass


coro.__name__ = "renamed_coro"
c = coro()
print(c.__name__, c.__qualname__.endswith("coro"))
c.close()


async def agen():
    yield 1


a = agen()
for obj in (gen, c, a):
    kind = type(obj)
    for name, d in kind.__dict__.items():
        if type(d).__name__ not in ("getset_descriptor", "member_descriptor"):
            continue
        for action in ("set", "del"):
            try:
                if action == "set":
                    setattr(obj, name, 42)
                else:
                    delattr(obj, name)
            except (AttributeError, TypeError) as e:
                print(kind.__name__, name, type(d).__name__, action, type(e).__name__, e)
    print(kind.__dict__["__name__"].__doc__, "|", kind.__dict__["__qualname__"].__doc__)

try:
    gen.no_such = 1
except AttributeError as e:
    print(e)


# A throw into a generator that delegates with `yield from` sees the
# delegating frame below it, as a send does.
def names(frame):
    out = []
    while frame is not None and frame.f_code.co_name in ("inner", "outer"):
        out.append(frame.f_code.co_name)
        frame = frame.f_back
    return out


def inner():
    print("start", names(sys._getframe()))
    try:
        yield
    except RuntimeError:
        print("thrown", names(sys._getframe()))
    yield


def outer():
    yield from inner()


g = outer()
next(g)
g.throw(RuntimeError)
