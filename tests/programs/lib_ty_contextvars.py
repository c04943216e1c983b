# _contextvars: ContextVar, Token, Context.run, copy_context.
import contextvars as cv
v = cv.ContextVar('v'); w = cv.ContextVar('w', default=5)
print(repr(v), repr(w), v.name, w.get(), cv.Token.MISSING)
try: v.get()
except LookupError as e: print(type(e).__name__, repr(e))
t = v.set(1); print(v.get(), repr(t), t.var is v, t.old_value)
t2 = v.set(2); print(t2.old_value); v.reset(t2); print(v.get())
try: v.reset(t2)
except RuntimeError as e: print('RuntimeError', str(e))
try: w.reset(t)
except ValueError as e: print('ValueError', str(e))
ctx = cv.copy_context(); print(type(ctx), len(ctx), ctx[v], v in ctx, list(ctx.keys()) == [v], ctx.get(w, 9))
def f(x): v.set(x); return v.get()
print(ctx.run(f, 10), v.get(), ctx[v])
try: ctx.run(lambda: ctx.run(f, 1))
except RuntimeError as e: print('RuntimeError', str(e))
c2 = cv.Context(); print(len(c2))
try: c2[v]
except KeyError as e: print('KeyError', repr(e))
try: cv.ContextVar(1)
except TypeError as e: print(e)
try: v.get(1, 2)
except TypeError as e: print(e)
try: cv.Token()
except RuntimeError as e: print(e)
t3 = v.set(7)
def g(): v.reset(t3)
try: cv.Context().run(g)
except ValueError as e: print(str(e))
print(v.get(None), w.get(3), hash(v) == hash(v), cv.ContextVar[int], list(ctx.items())[0][1], list(ctx))
import _contextvars as c
for t in [lambda: c.ContextVar(), lambda: c.ContextVar("a", 1), lambda: c.ContextVar("a").set(),
          lambda: c.ContextVar("a").set(x=1), lambda: c.ContextVar("a").reset(5),
          lambda: c.Context().run(), lambda: c.Context()[5], lambda: c.Context().get(),
          lambda: c.Token.MISSING.__class__()]:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
