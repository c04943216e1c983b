# A running generator's frame keeps its values in its own vector: frames
# below and above it (callers, callees, nested generators) are still seen
# whole by f_locals, f_back, tracebacks, locals() and super().
import sys


def show_frames(depth):
    f = sys._getframe(1)
    out = []
    for _ in range(depth):
        if f is None:
            break
        loc = {k: v for k, v in f.f_locals.items() if not k.startswith("__")}
        if f.f_code.co_name == "<module>":
            loc = {}
        out.append((f.f_code.co_name, sorted(loc.items(), key=repr)))
        f = f.f_back
    return out


def caller(tag):
    marker = tag * 2
    return list(outer(tag))


def outer(tag):
    a = tag + "-outer"
    for x in inner(tag):
        yield (a, x)


def inner(tag):
    b = tag + "-inner"
    for i in range(2):
        frames = helper(b, i)
        yield frames


def helper(b, i):
    c = (b, i)
    return show_frames(6)


for row in caller("t"):
    print(row)


# A generator calling functions that run other generators from Rust (sum,
# list) and from Python (for): every stack segment is restored.
def squares(n):
    for i in range(n):
        yield i * i


def total(n):
    return sum(squares(n)) + len(list(squares(n)))


def driver(k):
    acc = []
    for j in range(k):
        t = total(j)
        acc.append(t)
        yield t, [s for s in squares(j)]
    yield acc


print(list(driver(4)))


# Recursion inside a generator, and a generator resumed at depth.
def rec(n):
    if n == 0:
        return 0
    return 1 + rec(n - 1)


def deep_gen(n):
    yield rec(n)
    yield rec(n // 2)


print(list(deep_gen(300)))


def nested_gen(n):
    if n == 0:
        yield "bottom"
        return
    for v in nested_gen(n - 1):
        yield v + "."


print(list(nested_gen(50))[0][-5:], len(list(nested_gen(50))[0]))


# Tracebacks through a generator and the frames it calls.
def boom(x):
    return 1 // x


def gen_boom():
    yield boom(1)
    yield boom(0)


def consume():
    try:
        for v in gen_boom():
            print("value", v)
    except ZeroDivisionError as e:
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        print("caught", names)


consume()


# Exceptions raised in a callee of a generator and caught in the generator;
# the generator then keeps yielding with its values intact.
def may_fail(i):
    if i % 3 == 0:
        raise ValueError(i)
    return i


def robust(n):
    kept = []
    for i in range(n):
        try:
            kept.append(may_fail(i))
        except ValueError as e:
            yield ("skip", e.args[0], len(kept))
        else:
            yield ("ok", i, sys.exc_info()[0])
    yield kept


for item in robust(7):
    print(item)


# super() and locals() inside generator methods.
class Base:
    def items(self):
        yield "base"


class Derived(Base):
    def items(self):
        local_var = 42
        yield from super().items()
        yield sorted(k for k in locals() if not k.startswith("."))
        yield local_var


print(list(Derived().items()))


# send/throw/close with the frame's stack holding values at the yield.
def acc():
    total = 0
    try:
        while True:
            total += (yield total) * 2
    except GeneratorExit:
        print("closing at", total)
        raise


g = acc()
next(g)
print(g.send(1), g.send(2), g.send(3))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("thrown back", e)
print(g.send if False else "done")
g2 = acc()
next(g2)
g2.send(5)
g2.close()


def with_stack():
    # The yield happens with partial results on the evaluation stack.
    r = [1, (yield "a"), 3, (yield "b")]
    return r


g = with_stack()
print(next(g), g.send("X"))
try:
    g.send("Y")
except StopIteration as e:
    print("returned", e.value)


# RecursionError through generators resumed by for loops.
def chain(n):
    yield from chain(n + 1) if n < 5000 else iter([n])


try:
    print(next(chain(0)))
except RecursionError as e:
    print("RecursionError", str(e)[:30])
print("end")
