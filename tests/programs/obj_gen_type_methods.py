# The classes of generators and coroutines answer their methods, and
# generators' names can be assigned.

def gen():
    yield 1
    yield 2


async def coro():
    return 5


async def agen():
    yield 1


G = type(gen())
print(G.send, G.__next__, G.throw, G.close)
g = gen()
print(G.__next__(g), G.send(g, None))
try:
    G.send(g, None)
except StopIteration as e:
    print("stop", e.args)

c = coro()
C = type(c)
print(C.send, C.throw, C.close, C.__await__)
try:
    C.send(c, None)
except StopIteration as e:
    print("returned", e.value)
print(C.send.__doc__)

a = agen()
A = type(a)
print(A.__anext__, A.asend, A.athrow, A.aclose, A.__aiter__)
print(A.__aiter__(a) is a)
cw = coro()
w = type(cw.__await__())
cw.close()
print(w.__name__, w.__next__, w.send)

# dir() of a generator lists its attributes.
print([n for n in dir(g) if not n.startswith("__")])
print([n for n in dir(a) if not n.startswith("__")])

# __name__ and __qualname__ are writable, strings only, and shown in the repr.
g = gen()
print(g.__name__, g.__qualname__)
g.__name__ = "renamed"
g.__qualname__ = "Outer.renamed"
print(g.__name__, g.__qualname__, repr(g).split(" at ")[0])
for bad in (3, None):
    try:
        g.__name__ = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    del g.__qualname__
except TypeError as e:
    print("TypeError:", e)
try:
    g.other = 1
except AttributeError as e:
    print("AttributeError:", e)

c2 = coro()
c2.__qualname__ = "named"
print(repr(c2).split(" at ")[0], c2.__name__)
c2.close()
a.__name__ = "ag"
print(a.__name__, repr(a).split(" at ")[0])

# A coroutine's frame, as inspect.getcoroutinestate reads it.
c3 = coro()
print(type(c3.cr_frame).__name__, c3.cr_frame.f_code.co_name)
c3.close()
print(c3.cr_frame)
