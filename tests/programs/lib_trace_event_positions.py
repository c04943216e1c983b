# Where `sys.settrace` events place a frame: `f_lineno` and `f_lasti` at
# `call` (the frame's RESUME), `line` (the line's first instruction),
# `return` (the RETURN_VALUE or YIELD_VALUE) and `exception` (the FOR_ITER
# a generator's return value ends).
import sys


def tracer(frame, event, arg):
    print(event, frame.f_code.co_name, frame.f_lineno, frame.f_lasti, frame)
    return tracer


def plain():
    x = 3
    return x


def gen():
    yield 1
    yield 2
    return 8


def loop():
    total = 0
    for i in gen():
        total += i
    print(total)


def delegate():
    r = yield from gen()
    return r


sys.settrace(tracer)
plain()
loop()
print(list(delegate()))
sys.settrace(None)
