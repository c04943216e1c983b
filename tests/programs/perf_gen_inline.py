# Generators resumed by Python code (FOR_ITER, SEND, `yield from`) run in the
# caller's eval loop: exceptions, exc_info, PEP 479, frames and recursion.
import sys


def numbers(n):
    for i in range(n):
        yield i


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def chunks(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield buf
            buf = []
    if buf:
        yield buf


def flatten(chs):
    for ch in chs:
        yield from ch


print(sum(x * 3 for x in flatten(chunks(evens(numbers(1000)), 7))))
print([c for c in chunks(numbers(10), 4)])


# exc_info inside and outside a suspended generator
def in_handler():
    try:
        raise ValueError("inner")
    except ValueError:
        yield sys.exc_info()[0].__name__
        yield repr(sys.exc_info()[1])
    yield sys.exc_info()[0]


for v in in_handler():
    print("got", v, sys.exc_info()[0])

try:
    raise KeyError("outer")
except KeyError:
    for v in in_handler():
        print("handling", v, repr(sys.exc_info()[1]))


def sees_caller():
    yield repr(sys.exc_info()[1])


try:
    raise TypeError("caller's")
except TypeError:
    for v in sees_caller():
        print("caller exc", v)


# PEP 479 inside a for loop and a yield from
def leaks():
    yield 1
    raise StopIteration("leak")


try:
    for v in leaks():
        print("leaks", v)
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)


def deleg():
    r = yield from leaks()
    yield r


try:
    print(list(deleg()))
except RuntimeError as e:
    print("list:", repr(e), repr(e.__cause__))

try:
    raise OSError("handling")
except OSError:
    try:
        for v in leaks():
            pass
    except RuntimeError as e:
        print("ctx", repr(e.__context__), repr(e.__cause__))


# yield from: values sent through, return values, finished generators
def echo():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


def driver():
    r = yield from echo()
    print("echo returned", r)
    r2 = yield from echo()
    return r + r2


d = driver()
print(next(d), d.send(3), d.send(4))
print(d.send(None))
print(d.send(10))
try:
    d.send(None)
except StopIteration as e:
    print("driver returned", e.value)

done = numbers(2)
print(list(done), list(done))


def from_done():
    r = yield from done
    yield ("from done", r)


print(list(from_done()))


# gi_running, gi_frame, f_back while resumed by a loop
def introspect():
    yield me.gi_running
    yield sys._getframe().f_back.f_code.co_name


def loop_over():
    return [v for v in me]


me = introspect()
print(loop_over(), me.gi_running)


# re-entering a running generator from inside it
def reenter():
    for v in selfref:
        yield v
    yield 1


selfref = reenter()
try:
    for _ in selfref:
        pass
except ValueError as e:
    print("ValueError:", e)


# throw and close while a for loop drives the generator
def guarded():
    try:
        yield 1
        yield 2
    finally:
        print("finally runs")


def throws():
    g = guarded()
    for v in g:
        print("v", v)
        try:
            g.throw(KeyError("k"))
        except KeyError as e:
            print("thrown back", repr(e))


throws()
g = guarded()
for v in g:
    g.close()
    print("closed after", v)


# exceptions propagate through generator frames with their tracebacks' frames
def deep(n):
    if n == 0:
        yield 1 // n
    yield from deep(n - 1)


def names(tb):
    out = []
    while tb is not None:
        out.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    return out


try:
    for v in deep(3):
        pass
except ZeroDivisionError as e:
    print("traceback:", names(e.__traceback__))


def catcher():
    try:
        for v in deep(2):
            yield v
    except ZeroDivisionError:
        yield "caught in generator"


print(list(catcher()))


# RecursionError from deep delegation chains, then recovery
def nest(n):
    if n:
        yield from nest(n - 1)
    else:
        yield "bottom"


try:
    for v in nest(5000):
        pass
except RecursionError as e:
    print("RecursionError:", e)
print(list(nest(50)))


# a generator expression resumed by a generator
def pairs():
    yield from ((i, i * i) for i in range(3))


print(dict(pairs()))


def err_chain():
    for v in deep(1):
        yield v


for v in err_chain():
    print(v)
