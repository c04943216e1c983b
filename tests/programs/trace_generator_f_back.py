# In a trace function, a generator frame's f_back is the frame that resumed
# it, also in the "return" event its yield and its final return send, after
# the frame has left the stack.
import sys


def describe(frame):
    names = []
    while frame is not None:
        names.append(frame.f_code.co_name)
        frame = frame.f_back
    return " <- ".join(names)


def tracer(frame, event, arg):
    if frame.f_code.co_name == "countdown":
        print(f"{event:6} line {frame.f_lineno}: {describe(frame)} arg={arg!r}")
    return tracer


def countdown(n):
    while n:
        yield n
        n -= 1
    return "done"


def consume():
    gen = countdown(2)
    for value in gen:
        pass
    frame = gen.gi_frame
    print("after the loop:", frame)


def relay():
    result = yield from countdown(1)
    print("relayed", result)


sys.settrace(tracer)
consume()
for _ in relay():
    pass
sys.settrace(None)
