# Generators resumed many times: by for loops, yield from, and builtins that
# consume them, with errors, early exits and re-entrancy along the way.
import sys


def count(n):
    for i in range(n):
        yield i


def boom_at(n, exc):
    for i in range(n):
        yield i
    raise exc


# Errors raised inside a generator while a builtin consumes it.
for consumer in (sum, list, tuple, sorted, set, min, max, any, all):
    try:
        consumer(boom_at(3, ValueError("inside %s" % consumer.__name__)))
    except ValueError as e:
        print(consumer.__name__, "->", e)

try:
    "-".join(str(x) for x in boom_at(2, KeyError("join")))
except KeyError as e:
    print("join ->", repr(e))

try:
    dict((x, x) for x in boom_at(2, TypeError("dict")))
except TypeError as e:
    print("dict ->", e)

# PEP 479: StopIteration raised in a generator becomes RuntimeError, for
# every kind of consumer.
def leaks_stop():
    yield 1
    raise StopIteration("leaked")


for how in ("for", "sum", "list", "yield from", "next"):
    try:
        if how == "for":
            for _ in leaks_stop():
                pass
        elif how == "sum":
            sum(leaks_stop())
        elif how == "list":
            list(leaks_stop())
        elif how == "yield from":
            def outer():
                yield from leaks_stop()
            list(outer())
        else:
            g = leaks_stop()
            next(g)
            next(g)
    except RuntimeError as e:
        print(how, "->", e, "| cause:", repr(e.__cause__))

# A generator exhausted partway and then resumed again.
g = count(3)
print(next(g), list(g), list(g), sum(g))
for x in g:
    print("never", x)

# Closed in the middle of a for loop over it.
g = count(10)
seen = []
for x in g:
    seen.append(x)
    if x == 2:
        g.close()
print("closed mid-loop:", seen, g.gi_frame)

# Closed in the middle of a builtin consuming it (the generator closes itself
# through a reference it gets from outside).
def self_closing(box):
    yield 1
    yield 2
    box[0].close()
    yield 3


box = [None]
box[0] = self_closing(box)
try:
    print(list(box[0]))
except ValueError as e:
    print("close while running ->", e)

# Re-entrancy: a generator that resumes itself.
def reentrant(box):
    yield 1
    yield next(box[0])


box = [None]
box[0] = reentrant(box)
try:
    print(sum(box[0]))
except ValueError as e:
    print("sum reentrant ->", e)

box[0] = reentrant(box)
try:
    for x in box[0]:
        print("for reentrant got", x)
except ValueError as e:
    print("for reentrant ->", e)

# gi_running / gi_suspended / gi_frame seen from inside and outside.
def watch(box):
    g = box[0]
    yield (g.gi_running, g.gi_suspended, g.gi_frame is not None)
    yield (g.gi_running, g.gi_suspended)


box = [None]
box[0] = watch(box)
print("inside:", list(box[0]))
w = watch([count(1)])
print("before:", w.gi_running, w.gi_suspended, w.gi_frame.f_lineno)
next(w)
print("suspended:", w.gi_running, w.gi_suspended, w.gi_frame.f_lineno)
w.close()
print("closed:", w.gi_running, w.gi_suspended, w.gi_frame)

# send/throw/close around many resumes.
def acc():
    total = 0
    while True:
        try:
            x = yield total
        except ZeroDivisionError:
            total = -total
            continue
        if x is None:
            return total
        total += x


a = acc()
next(a)
for i in range(1, 6):
    a.send(i)
print("thrown:", a.throw(ZeroDivisionError))
try:
    a.send(None)
except StopIteration as e:
    print("returned", e.value)

# The exception a generator handles while suspended, and the caller's.
def handler_yield():
    try:
        raise KeyError("own")
    except KeyError:
        yield sys.exc_info()[1]
        yield sys.exc_info()[1]
    yield sys.exc_info()[1]


h = handler_yield()
print(repr(next(h)), repr(sys.exc_info()[1]))
try:
    raise IndexError("caller")
except IndexError:
    print(repr(next(h)), repr(sys.exc_info()[1]))
    print(repr(next(h)), repr(sys.exc_info()[1]))
print(repr(sys.exc_info()[1]))

# yield from a builtin iterator: lists, ranges, tuples, strings, dicts, with
# the value of the yield from (None) and an iterator that fails.
def flat(parts):
    results = []
    for p in parts:
        r = yield from p
        results.append(r)
    return results


def drive(g):
    out = []
    try:
        while True:
            out.append(next(g))
    except StopIteration as e:
        return out, e.value


print(drive(flat([[1, 2], range(3), (4,), "ab", {"k": 1}, [], iter([5])])))

d = {1: 2}
def grows():
    for k in d:
        d[len(d) + 1] = 0
        yield k


def via_yield_from():
    yield from grows()


try:
    list(via_yield_from())
except RuntimeError as e:
    print("dict changed ->", e)

d2 = {1: 2, 3: 4}
def yf_dict():
    it = iter(d2)
    yield next(it)
    d2[5] = 6
    yield from it


try:
    print(list(yf_dict()))
except RuntimeError as e:
    print("yield from dict changed ->", e)

# An iterator already running, reached through yield from.
def uses(it):
    yield from it


li = iter([1, 2, 3])
u = uses(li)
print(next(u), list(li), list(u))

# Sending a value into a yield from over a list iterator.
s = uses(iter([1, 2]))
next(s)
try:
    s.send(5)
except AttributeError as e:
    print("send to list iterator ->", e)

# Deep pipelines and the recursion limit.
def layer(it):
    for x in it:
        yield x


g = count(5)
for _ in range(50):
    g = layer(g)
print("pipeline:", sum(g))

sys.setrecursionlimit(100)
g = count(3)
for _ in range(200):
    g = layer(g)
try:
    print(sum(g))
except RecursionError as e:
    print("deep pipeline ->", type(e).__name__)
sys.setrecursionlimit(1000)

# Tracebacks through generator frames consumed by builtins.
def inner_fail():
    yield 1
    1 / 0


def middle():
    yield from inner_fail()


try:
    sum(x for x in middle())
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb is not None:
        print("  at", tb.tb_frame.f_code.co_name, tb.tb_lineno)
        tb = tb.tb_next

# Many resumes of one generator after an exception was caught in it.
def resilient():
    i = 0
    while i < 5:
        try:
            if i % 2:
                raise ValueError(i)
        except ValueError as e:
            yield ("caught", e.args[0])
        else:
            yield ("ok", i)
        i += 1


print(list(resilient()), sum(1 for _ in resilient()))
