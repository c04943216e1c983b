def drive(aw):
    v = None
    while True:
        try:
            y = aw.send(v)
        except StopIteration as e:
            return ("stop", e.value)
        print("  yielded", y)

def check(label, coro):
    try:
        print(label, drive(coro))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)
        if e.__cause__ is not None:
            print("   cause:", type(e.__cause__).__name__, e.__cause__)

class Bad:
    def __await__(self):
        return 5

class GivesCoro:
    def __await__(self):
        return coro_sample()

class Good:
    def __await__(self):
        yield "g"
        return "good"

async def coro_sample():
    return 1

async def await_int():
    await 1

async def await_bad():
    await Bad()

async def await_gives_coro():
    c = coro_sample()
    try:
        await GivesCoro()
    finally:
        c.close()

async def await_good():
    return await Good()

check("int", await_int())
check("bad", await_bad())
check("gives coro", await_gives_coro())
check("good", await_good())

async def afor_int():
    async for x in 5:
        pass

class NoANext:
    def __aiter__(self):
        return 1

class ANextBad:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 3

class IterOnly:
    def __iter__(self):
        return iter([])

async def afor_noanext():
    async for x in NoANext():
        pass

async def afor_anext_bad():
    async for x in ANextBad():
        pass

async def afor_iter_only():
    async for x in IterOnly():
        pass

check("afor int", afor_int())
check("afor noanext", afor_noanext())
check("afor anext bad", afor_anext_bad())
check("afor iter only", afor_iter_only())

class NoAenter:
    pass

class NoAexit:
    async def __aenter__(self):
        return self

class SyncEnter:
    def __aenter__(self):
        return 1
    def __aexit__(self, *a):
        return 2

class SyncExit:
    async def __aenter__(self):
        return 1
    def __aexit__(self, *a):
        return 2

async def awith(m):
    async with m:
        pass

check("awith none", awith(NoAenter()))
check("awith noaexit", awith(NoAexit()))
check("awith int", awith(3))
check("awith sync enter", awith(SyncEnter()))
check("awith sync exit", awith(SyncExit()))

async def raises_stop():
    raise StopIteration(3)

check("stopiteration", raises_stop())

async def agen_raises_stopasync():
    yield 1
    raise StopAsyncIteration

g = agen_raises_stopasync()
check("agen first", g.__anext__())
check("agen stopasync", g.__anext__())
check("agen after", g.__anext__())

c = coro_sample()
check("first", c)
check("reuse", c)
try:
    c.throw(ValueError)
except RuntimeError as e:
    print("throw after done:", e)
c.close()
print("close after done ok")

async def inner():
    await Good()

async def outer(c):
    await c

i = inner()
i.send(None)
check("awaited already", outer(i))
i.close()

c = coro_sample()
try:
    c.send(1)
except TypeError as e:
    print("TypeError:", e)
c.close()

async def selfawait():
    await me

me = selfawait()
check("self", me)

async def fine():
    return 1

f = fine()
for args in [(1,), (ValueError, 1, 2), (ValueError(), 1), ("x",)]:
    try:
        f.throw(*args)
    except Exception as e:
        print("throw", args[0] if not isinstance(args[0], BaseException) else "inst", type(e).__name__ + ":", e)
try:
    f.throw()
except TypeError as e:
    print("TypeError:", e)
try:
    iter(fine_c := fine())
except TypeError as e:
    print("TypeError:", e)
fine_c.close()
f.close()

def gen():
    try:
        yield 1
        yield 2
    except KeyError as e:
        print("gen caught", repr(e))
        yield "after"
    finally:
        print("gen finally")

g = gen()
print(next(g))
print(g.throw(KeyError("k")))
g.close()
g = gen()
print(next(g))
try:
    g.throw(IndexError)
except IndexError as e:
    print("IndexError propagated", repr(e))
def ygen():
    r = yield from gen()
    print("r", r)
g = ygen()
print(next(g))
print(g.throw(KeyError("y")))
g.close()
