# `for x in iter(callable, sentinel)` with Python callables: sentinel
# comparison, StopIteration, exhaustion, methods, re-entrance, errors.

def counter(limit, sentinel=None):
    n = 0
    def f():
        nonlocal n
        n += 1
        return n if n <= limit else sentinel
    return f

print([x for x in iter(counter(3), None)])
for x in iter(counter(4, -1), -1):
    print("got", x)

class Stream:
    def __init__(self, items):
        self.items = list(items)
    def read(self):
        return self.items.pop(0) if self.items else ""

s = Stream(["a", "b", "c"])
for chunk in iter(s.read, ""):
    print("chunk", chunk)

# The sentinel's __eq__ decides, called with the sentinel first.
class Loud:
    def __eq__(self, other):
        print("eq", type(self).__name__, other)
        return other == 3
    __hash__ = None

for x in iter(counter(5), Loud()):
    print("loud", x)

# A StopIteration raised by the callable ends the loop silently.
def raiser():
    state = [0]
    def f():
        state[0] += 1
        if state[0] > 2:
            raise StopIteration("done")
        return state[0]
    return f

it = iter(raiser(), object())
for x in it:
    print("r", x)
print("after", list(it), next(it, "exhausted"))

# Exhausted by the sentinel: later calls stop at once.
calls = []
def g():
    calls.append(1)
    return len(calls)
it = iter(g, 2)
for x in it:
    print("g", x)
print(list(it), len(calls))

# break, continue and else
for x in iter(counter(10), 7):
    if x % 2:
        continue
    if x == 6:
        print("break at", x)
        break
    print("even", x)
else:
    print("no else")
for x in iter(counter(2), None):
    pass
else:
    print("else ran", x)

# Re-entrance: the callable advances the same iterator.
def make_reentrant():
    box = {}
    n = [0]
    def f():
        n[0] += 1
        if n[0] == 2:
            print("inner", next(box["it"]))
        return n[0] if n[0] < 6 else None
    box["it"] = iter(f, None)
    return box["it"]
for x in make_reentrant():
    print("outer", x)

# Nested loops over callable iterators, and a generator inside.
for a in iter(counter(2), None):
    for b in iter(counter(2), None):
        print("pair", a, b)

def gen_fn():
    yield from iter(counter(3), None)
print(list(gen_fn()))

# Errors raised by the callable propagate with their traceback.
def bad():
    return 1 / 0

def run_bad():
    for x in iter(bad, None):
        print(x)

try:
    run_bad()
except ZeroDivisionError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("ZeroDivisionError", names)

# An error in the sentinel's __eq__ propagates too.
class BadEq:
    def __eq__(self, other):
        raise ValueError("no compare")
try:
    for x in iter(counter(3), BadEq()):
        print("never", x)
except ValueError as e:
    print("ValueError", e)

# ... raised by the loop, not inside the callable: its handler never sees it.
def guarded():
    try:
        return 5
    except ValueError:
        print("caught inside the callable")
        return 6

def loop_guarded():
    for x in iter(guarded, BadEq()):
        print("never", x)

try:
    loop_guarded()
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print("ValueError", e, names)

# Arguments the callable cannot take: TypeError at the first step.
def needs_arg(a):
    return a
try:
    for x in iter(needs_arg, None):
        pass
except TypeError as e:
    print("TypeError", e)

# Builtin and class callables still work.
import sys
print([x for x in iter([3, 2, 1].pop, 1)])
print(sys.getrecursionlimit() > 0)

# Deep recursion through the callable hits the recursion limit cleanly.
def deep(n):
    for x in iter(lambda: deep(n + 1), None):
        return x
try:
    deep(0)
except RecursionError as e:
    print("RecursionError", e)

# An uncaught error from the callable: the traceback through the loop.
for x in iter(bad, None):
    pass
