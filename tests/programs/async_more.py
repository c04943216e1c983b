def drive(aw, sends=()):
    sends = list(sends)
    v = None
    while True:
        try:
            y = aw.send(v)
        except StopIteration as e:
            return ("stop", e.value)
        except StopAsyncIteration:
            return ("stopasync",)
        print("  yielded", y)
        v = sends.pop(0) if sends else None

def attempt(label, fn):
    try:
        print(label, fn())
    except BaseException as e:
        print(label, type(e).__name__ + ":", e)

class Tick:
    def __await__(self):
        return (yield "tick")

async def inner():
    print("  inner running:", holder[0].cr_running, holder[1].cr_running)
    await Tick()
    return "inner done"

async def outer():
    r = await holder[1]
    return r

holder = [None, None]
holder[1] = inner()
holder[0] = outer()
o = holder[0]
print(o.send(None))
print(type(o.cr_await).__name__, o.cr_await is holder[1], type(holder[1].cr_await).__name__)
print(drive(o))
print(o.cr_await, o.cr_frame)

async def agen():
    try:
        for i in range(3):
            yield i
    finally:
        print("  agen finally")

async def loop_break():
    async for x in agen():
        print("  got", x)
        if x == 1:
            break
    print("  after loop")
    return "lb"

print(drive(loop_break()))

async def loop_raise():
    async for x in agen():
        raise KeyError(x)

attempt("loop raise", lambda: drive(loop_raise()))

async def agen_ret():
    yield "a"
    return

g = agen_ret()
print(drive(g.__anext__()), drive(g.__anext__()), drive(g.__anext__()))

async def agen_catch():
    try:
        yield 1
    except ValueError:
        print("  caught, returning")

g = agen_catch()
print(drive(g.__anext__()))
attempt("athrow -> return", lambda: drive(g.athrow(ValueError)))

async def running_check():
    print("  ag_running inside:", g2.ag_running)
    yield 1

g2 = running_check()
print(drive(g2.__anext__()), g2.ag_running)
print(drive(g2.aclose()))

def plain():
    try:
        yield 1
    finally:
        print("  plain finally")

p = plain()
attempt("throw unstarted", lambda: p.throw(ValueError("x")))
attempt("next after", lambda: next(p))
p = plain()
p.close()
attempt("next after close", lambda: next(p))
p = plain()
next(p)
p.close()
print("closed started")

def deleg_iter():
    yield from iter([1, 2, 3])

d = deleg_iter()
print(next(d))
attempt("throw into iter delegate", lambda: d.throw(IndexError("i")))

class SupCM:
    async def __aenter__(self):
        return "sup"
    async def __aexit__(self, t, v, tb):
        print("  exit with", t.__name__ if t else None, v)
        return True

async def suppressed():
    async with SupCM() as s:
        raise ValueError(s)
    return "suppressed ok"

print(drive(suppressed()))

async def ret_in_with():
    async with SupCM():
        return "returned"

print(drive(ret_in_with()))

async def loop_in_with():
    out = []
    for i in range(3):
        async with SupCM():
            if i == 1:
                continue
            out.append(i)
    return out

print(drive(loop_in_with()))
print(repr(agen()).startswith("<async_generator object agen at 0x"))
c = inner()
print(repr(c).startswith("<coroutine object inner at 0x"))
c.close()
print(type(agen().__anext__()).__name__, type(agen().aclose()).__name__)
