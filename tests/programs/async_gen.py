class Tick:
    def __await__(self):
        v = yield "tick"
        return v

async def agen(n):
    try:
        for i in range(n):
            got = await Tick()
            print("  agen got", got)
            x = yield i
            print("  agen sent", x)
    finally:
        print("  agen finally")

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
        print("  outer saw", y)
        v = sends.pop(0) if sends else None

g = agen(2)
print(type(g).__name__, g.__name__, g.ag_running, g.ag_await)
print(repr(g).split(" at ")[0])
a = g.__anext__()
print(type(a).__name__)
print(drive(a, ["T1"]))
print(drive(g.asend("S1"), ["T2"]))
print(drive(g.__anext__()))
print(drive(g.__anext__()))
print(g.__aiter__() is g)

g = agen(5)
print(drive(g.__anext__()))
print(drive(g.aclose()))
print(drive(g.__anext__()))

g = agen(5)
print(drive(g.__anext__()))
try:
    drive(g.athrow(ValueError("bad")))
except ValueError as e:
    print("athrow raised", repr(e))

async def stubborn():
    for i in range(2):
        try:
            yield 1
        except GeneratorExit:
            print("  ignoring exit")

s = stubborn()
print(drive(s.__anext__()))
try:
    drive(s.aclose())
except RuntimeError as e:
    print("RuntimeError:", e)
print(drive(s.aclose()))
print(drive(s.__anext__()))

async def catcher():
    try:
        yield 1
    except ValueError as e:
        print("  caught", repr(e))
        yield 2

c = catcher()
print(drive(c.__anext__()))
print(drive(c.athrow(ValueError, ValueError("v"))))
print(drive(c.athrow(ValueError)) if False else "skip")

a = catcher().__anext__()
print(drive(a))
try:
    a.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

async def consume():
    out = []
    async for x in agen(3):
        out.append(x)
    return out

print(drive(consume()))

class ARange:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Tick()
        return self.i

async def comp():
    a = [x async for x in ARange(3)]
    b = {x: x * x async for x in ARange(2) if x > 0}
    c = [await Tick() for _ in range(2)]
    d = [y for y in (await Tick(), 5)]
    return a, b, c, d

print(drive(comp(), ["t1", "t2", "t3"]))

class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        print("  enter", self.name)
        await Tick()
        return self.name.upper()
    async def __aexit__(self, t, v, tb):
        print("  exit", self.name, t.__name__ if t else None)
        await Tick()
        return self.suppress

async def withs():
    async with CM("a") as x:
        print("  body", x)
    async with CM("b", True) as y:
        raise KeyError(y)
    try:
        async with CM("c"):
            raise IndexError("c")
    except IndexError as e:
        print("  propagated", repr(e))
    async with CM("d") as p, CM("e") as q:
        print("  both", p, q)
    return "ok"

print(drive(withs()))

async def agen_return():
    yield 1
    return

async def gen_in_async():
    g = (await Tick() for _ in range(1))
    return type(g).__name__

print(drive(gen_in_async()))
