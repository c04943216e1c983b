def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup", name)

g = gen("a")
next(g)
del g
print("after del")

def f():
    g = gen("b")
    next(g)
    print("in f")
f()
print("after f")

for x in gen("c"):
    break
print("after loop")

def bad():
    try:
        yield 1
    finally:
        raise KeyError("bad")

b = bad()
next(b)
b = None
print("after bad")

def stubborn():
    while True:
        try:
            yield 1
        except GeneratorExit:
            pass

s = stubborn()
next(s)
s = None
print("after stubborn")

unstarted = gen("never started")
done = gen("done")
list(done)
kept = gen("kept")
next(kept)
print("end")

def consume():
    for x in gen("d"):
        raise ValueError("stop")
try:
    consume()
except ValueError:
    print("caught")

def first(it):
    for x in it:
        return x
print(first(gen("e")))
print(any(x > 0 for x in gen("f")))


def outer():
    try:
        yield from gen("inner")
    finally:
        print("outer cleanup")
o = outer()
next(o)
o = None
print("after outer")
