# for loops over iterator objects whose class defines __next__ in Python:
# values, StopIteration (plain, subclass, with a value, raised deeper),
# other errors, break/continue/else, nesting, recursion, and tracing.
import sys


class Count:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i


print([x for x in Count(4)], sum(Count(10)), list(zip(Count(2), Count(5))))
for x in Count(3):
    print("x", x)
else:
    print("else ran")
for x in Count(5):
    if x == 2:
        continue
    if x == 4:
        break
    print("kept", x)
else:
    print("no else after break")
for a in Count(2):
    for b in Count(2):
        print("pair", a, b)


class MyStop(StopIteration):
    pass


class StopsWithSubclass(Count):
    def __next__(self):
        if self.i >= self.n:
            raise MyStop("done", 42)
        self.i += 1
        return self.i * 10


print(list(StopsWithSubclass(3)))
for v in StopsWithSubclass(2):
    print("v", v)


def helper_raises():
    raise StopIteration


class StopsDeeper(Count):
    def __next__(self):
        if self.i >= self.n:
            helper_raises()
        self.i += 1
        return -self.i


for v in StopsDeeper(2):
    print("deeper", v)


class Fails(Count):
    def __next__(self):
        if self.i >= self.n:
            raise KeyError("boom")
        self.i += 1
        return self.i


try:
    for v in Fails(1):
        print("fails yields", v)
except KeyError as e:
    print("KeyError:", e)


class Deep:
    def __iter__(self):
        return self

    def __next__(self):
        return next(self)


try:
    for v in Deep():
        pass
except RecursionError as e:
    print("RecursionError:", e)


class WithDefault:
    def __iter__(self):
        return self

    def __next__(self, limit=3):
        raise StopIteration


print(list(WithDefault()))


def gen_over(it):
    for v in it:
        yield v * 2


print(list(gen_over(Count(3))))
events = []


def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if name in ("__next__", "traced"):
        detail = arg[0].__name__ if event == "exception" else None
        events.append((name, event, detail))
    return tracer


def traced():
    total = 0
    for v in Count(2):
        total += v
    return total


sys.settrace(tracer)
traced()
sys.settrace(None)
for e in events:
    print(e)
for v in Fails(2):
    print("last", v)
