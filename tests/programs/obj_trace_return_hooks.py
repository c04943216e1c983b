# Frames the VM runs with a return hook (a class's `__init__`, the callable
# of `iter(callable, sentinel)` in a for loop) under sys.settrace and
# sys.setprofile: every event is reported, and the tracer's own frames never
# take the hook of the frame that just left.
import sys


class C:
    def __init__(self, x):
        if x:
            raise ValueError("init failed")


def counter():
    n = [0]

    def f():
        n[0] += 1
        return n[0] if n[0] < 3 else None

    return f


def stop():
    raise StopIteration


def describe(arg):
    if arg is None or isinstance(arg, (int, str)):
        return arg
    return type(arg).__name__


def tracer(frame, event, arg):
    print(event, frame.f_code.co_name, frame.f_lineno, describe(arg))
    return tracer


def main():
    try:
        C(1)
    except ValueError as e:
        print("caught", e)
    print(type(C(0)).__name__)
    for x in iter(counter(), None):
        print("x", x)
    for y in iter(stop, 1):
        print("never")
    print("end")


sys.settrace(tracer)
main()
sys.settrace(None)


def profiler(frame, event, arg):
    if event in ("call", "return", "c_call", "c_return", "c_exception"):
        print("P", event, frame.f_code.co_name, getattr(arg, "__name__", describe(arg)))


sys.setprofile(profiler)
main()
sys.setprofile(None)
