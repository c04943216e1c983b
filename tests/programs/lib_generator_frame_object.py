# One frame object per generator: sys._getframe() inside it is gi_frame; its
# f_locals, f_lineno and f_back while suspended, running and finished; and
# a frame object's position after its function returns.
import inspect
import sys


def g(a):
    b = a + 1
    yield sys._getframe()
    c = 3
    yield inspect.currentframe().f_locals
    return a + b + c


gen = g(1)
fr = next(gen)
print(fr is gen.gi_frame, sorted(fr.f_locals.items()), fr.f_lineno)
print(next(gen))
print(fr.f_lineno, sorted(fr.f_locals), fr.f_locals is gen.gi_frame.f_locals)
print(inspect.getgeneratorlocals(gen), inspect.getgeneratorstate(gen))
print(fr.f_back)
try:
    next(gen)
except StopIteration as e:
    print("returned", e.value)
print(gen.gi_frame, fr.f_lineno, sorted(fr.f_locals.items()))


def h():
    x = 1
    yield sys._getframe().f_back.f_code.co_name
    x = 2
    yield


gen = h()
print(next(gen))
f = gen.gi_frame
print(f.f_locals, f.f_lineno)
next(gen)
print(f is gen.gi_frame, f.f_locals, f.f_lineno)
gen.close()
print(gen.gi_frame, f.f_locals)


def k(n):
    yield sys._getframe()
    yield n


a, b = k(1), k(2)
fa = next(a)
fb = next(b)
print(fa is fb, fa.f_locals["n"], fb.f_locals["n"])
print(next(a), next(b), fa.f_locals["n"], fa.f_lineno)


def resumed_from(gen):
    return next(gen)


def m():
    while True:
        yield sys._getframe().f_back.f_code.co_name


gen = m()
print(next(gen), resumed_from(gen), next(gen))


def plain():
    fr = sys._getframe()
    x = 1
    return 5, fr


print(plain()[1].f_lineno)


def small():
    fr = sys._getframe()
    return fr


print(small().f_lineno)


def raises():
    fr = sys._getframe()
    x = 1
    raise ValueError(fr)


try:
    raises()
except ValueError as e:
    print(e.args[0].f_lineno, e.args[0].f_locals["x"])
