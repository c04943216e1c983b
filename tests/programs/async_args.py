def attempt(label, fn):
    try:
        print(label, fn())
    except BaseException as e:
        print(label, type(e).__name__ + ":", e, "| cause:", type(e.__cause__).__name__)

class Tick:
    def __await__(self):
        return (yield "tick")

async def co():
    try:
        await Tick()
    except GeneratorExit:
        print("  co got GeneratorExit")
        raise

c = co(); c.send(None)
attempt("throw GeneratorExit", lambda: c.throw(GeneratorExit))
c = co(); c.send(None)
attempt("throw StopIteration", lambda: c.throw(StopIteration))
c = co()
attempt("throw 4 args", lambda: c.throw(1, 2, 3, 4))
attempt("send 0 args", lambda: c.send())
attempt("send 2 args", lambda: c.send(1, 2))
attempt("close arg", lambda: c.close(1))
attempt("throw tb", lambda: c.throw(ValueError, None, 5))
attempt("throw inst+val", lambda: c.throw(ValueError("a"), 1))
attempt("throw tuple val", lambda: c.throw(KeyError, (1, 2)))
c.close()
async def ag():
    yield 1
g = ag()
attempt("asend 0", lambda: g.asend())
attempt("athrow 0", lambda: g.athrow())
attempt("aclose 1", lambda: g.aclose(1))
attempt("anext 1", lambda: g.__anext__(1))
w = co().__await__()
attempt("wrapper next", lambda: next(w))
attempt("wrapper throw", lambda: w.throw(KeyError("w")))
attempt("wrapper close", lambda: w.close())
print(type(w).__name__)
async def ag2():
    try:
        yield 1
    except KeyError:
        yield 2
g = ag2()
a = g.__anext__()
attempt("asend throw before start", lambda: a.throw(KeyError))
a = g.__anext__()
attempt("anext", lambda: a.send(None))
a = g.athrow(KeyError)
attempt("athrow send non-None", lambda: a.send(1))
attempt("athrow send", lambda: a.send(None))
attempt("athrow again", lambda: a.send(None))
b = g.asend(None)
attempt("asend close", lambda: b.close())
attempt("asend after close", lambda: b.send(None))
attempt("athrow0 send", lambda: g.athrow().send(None))
attempt("await arg", lambda: co().__await__(1))
attempt("aiter arg", lambda: g.__aiter__(1))
attempt("send kw", lambda: co().send(v=1))
