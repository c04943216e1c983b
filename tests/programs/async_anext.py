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

async def agen():
    yield 1
    await Tick()
    yield 2

async def main():
    it = aiter(agen())
    out = [await anext(it)]
    out.append(await anext(it, "dflt"))
    out.append(await anext(it, "dflt"))
    try:
        await anext(it)
    except StopAsyncIteration:
        out.append("exhausted")
    return out

print(drive(main()))

class ARange:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

async def main2():
    r = ARange(2)
    return [await anext(r, -1) for _ in range(4)]

print(drive(main2()))
a = anext(ARange(0), "d")
print(type(a).__name__)
print(drive(a))
attempt("aiter int", lambda: aiter(1))
attempt("anext int", lambda: anext(1))
attempt("anext none", lambda: anext())
attempt("anext three", lambda: anext(1, 2, 3))
attempt("aiter none", lambda: aiter())

class BadAiter:
    def __aiter__(self):
        return 5

attempt("bad aiter", lambda: aiter(BadAiter()))
