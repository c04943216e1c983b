# Generators and generator expressions.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

print(list(count_up(5)), sum(count_up(101)), [x * 2 for x in count_up(3)])
g = count_up(2)
print(next(g), next(g), next(g, "exhausted"))
print(sum(x * x for x in range(10)), list(c for c in "abc" if c != "b"), max(len(w) for w in ["a", "abc"]))

def echo():
    received = []
    while True:
        value = yield len(received)
        if value is None:
            break
        received.append(value)
    return received

e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send(None)
except StopIteration as stop:
    print("returned", stop.value)

def chain(*iterables):
    for it in iterables:
        result = yield from it
    return result

print(list(chain([1, 2], (3,), "xy")))

def inner():
    yield 1
    yield 2
    return "inner result"

def outer():
    r = yield from inner()
    yield r

print(list(outer()))

def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

out = []
for v in fib_gen():
    if v > 100:
        break
    out.append(v)
print(out)

def with_finally():
    try:
        yield "first"
        yield "second"
    finally:
        print("generator cleanup")

for item in with_finally():
    print(item)

def raiser():
    yield 1
    raise ValueError("from generator")

try:
    for v in raiser():
        print("got", v)
except ValueError as err:
    print("caught", err)
a, b, c = count_up(3)
print(a, b, c, type(count_up(1)).__name__, dict((k, k * k) for k in range(3)))
