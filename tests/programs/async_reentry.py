def attempt(label, fn):
    try:
        print(label, fn())
    except BaseException as e:
        print(label, type(e).__name__ + ":", e)

class Tick:
    def __await__(self):
        return (yield "tick")

async def ag():
    attempt("  aclose inside", lambda: g.aclose().send(None))
    attempt("  anext inside", lambda: g.__anext__().send(None))
    attempt("  athrow inside", lambda: g.athrow(ValueError).send(None))
    await Tick()
    yield 1

g = ag()
a = g.__anext__()
attempt("first", lambda: a.send(None))
attempt("second anext while first pending", lambda: g.__anext__().send(None))
attempt("aclose while pending", lambda: g.aclose().send(None))
attempt("resume first", lambda: a.send(None))
attempt("resume first again", lambda: a.send(None))

async def co():
    attempt("  close self", lambda: c.close())
    attempt("  throw self", lambda: c.throw(ValueError))
    attempt("  await wrapper self", lambda: next(c.__await__()))
    await Tick()

c = co()
attempt("co", lambda: c.send(None))
w = c.__await__()
attempt("w close", lambda: w.close())
attempt("w send", lambda: w.send(None))
an = anext(g, 5)
attempt("anext default", lambda: an.send(None))
attempt("anext default again", lambda: an.send(None))
attempt("anext throw", lambda: anext(g, 1).throw(KeyError))
attempt("anext close", lambda: anext(g, 1).close())
