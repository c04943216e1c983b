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

async def selfsend():
    print("  running:", me.cr_running)
    me.send(None)

me = selfsend()
attempt("self send", lambda: drive(me))

async def ignores():
    try:
        await Tick()
    except GeneratorExit:
        print("  got exit")
    await Tick()

c = ignores()
print(c.send(None))
attempt("ignore exit", c.close)
c.close()

class SendIter:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration("next done")
        return "next%d" % self.n
    def send(self, v):
        print("  SendIter.send", v)
        return self.__next__()

class UsesSend:
    def __await__(self):
        return SendIter()

async def use_send():
    return await UsesSend()

print(drive(use_send(), ["a", "b", "c"]))

async def agen():
    yield 1
    yield 2

g = agen()
attempt("asend non-None fresh", lambda: drive(g.asend(5)))
g = agen()
attempt("aclose fresh", lambda: drive(g.aclose()))
attempt("anext after aclose", lambda: drive(g.__anext__()))
g = agen()
print(drive(g.__anext__()))
print(drive(g.__anext__()))
print(drive(g.__anext__()))
attempt("athrow finished", lambda: drive(g.athrow(ValueError)))
attempt("aclose finished", lambda: drive(g.aclose()))

async def use_genexpr():
    agx = (x * await Tick() async for x in agen())
    print("  ", type(agx).__name__)
    out = []
    async for v in agx:
        out.append(v)
    s = {x async for x in agen()}
    return out, s

print(drive(use_genexpr(), [10, 100]))

async def coro():
    return 1

def gen_yield_from():
    yield from coro()

attempt("yield from coro", lambda: next(gen_yield_from()))

aw = agen().__anext__()
print(aw.__await__() is aw, iter(aw) is aw)
attempt("next asend", lambda: next(aw))
attempt("next asend again", lambda: next(aw))
aw.close()
attempt("after close", lambda: next(aw))

async def nested_try():
    try:
        try:
            await Tick()
        finally:
            print("  inner finally")
    except ZeroDivisionError as e:
        print("  outer caught", repr(e))
        return "handled"

n = nested_try()
n.send(None)
attempt("throw zde", lambda: n.throw(ZeroDivisionError))
n = nested_try()
n.send(None)
attempt("throw type+value", lambda: n.throw(ZeroDivisionError, "msg"))

def sub():
    try:
        yield "sub1"
    except KeyError:
        print("  sub caught")
        return "sub result"

def deleg():
    r = yield from sub()
    print("  deleg got", r)
    yield "after"

d = deleg()
print(next(d))
print(d.throw(KeyError))
d.close()

async def awaits_ticks():
    results = []
    for i in range(3):
        results.append(await Tick())
    return results

t = awaits_ticks()
w = t.__await__()
print(next(w), w.send("x"), w.send("y"))
attempt("wrapper last", lambda: w.send("z"))
attempt("wrapper again", lambda: w.send("z"))

async def exc_context():
    try:
        raise KeyError("a")
    except KeyError:
        await Tick()
        raise ValueError("b")

e = exc_context()
e.send(None)
try:
    e.send(None)
except ValueError as err:
    print("context:", repr(err.__context__))

async def in_except():
    try:
        raise KeyError("outer")
    except KeyError:
        await Tick()
        try:
            raise
        except KeyError as k:
            return repr(k)

print(drive(in_except()))

import sys
async def exc_info_seen():
    print("  start", sys.exc_info()[0])
    try:
        raise KeyError("k")
    except KeyError:
        await Tick()
        print("  in handler", sys.exc_info()[0].__name__)
    await Tick()
    print("  after", sys.exc_info()[0])

x = exc_info_seen()
x.send(None)
try:
    raise IndexError
except IndexError:
    x.send(None)
    print("  caller still", sys.exc_info()[0].__name__)
try:
    x.send(None)
except StopIteration:
    print("done", sys.exc_info()[0])
