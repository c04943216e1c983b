async def f():
    return 1
async def ag():
    yield 1
c = f()
g = ag()
print(type(c), type(g), type(c.__await__()), type(g.asend(None)), type(g.aclose()))
print(hash(c) == hash(c), c == c, c != f(), bool(c), len({c, c}))
print(str(c).startswith("<coroutine object f at"), f"{g}".startswith("<async_generator object ag"))
print(isinstance(c, object), type(c).__name__, type(c).__qualname__)
d = {c: 1}
print(d[c])
print(id(c) == id(c))
try:
    len(c)
except TypeError as e:
    print(e)
try:
    c + 1
except TypeError as e:
    print(e)
try:
    for x in c:
        pass
except TypeError as e:
    print(e)
try:
    c()
except TypeError as e:
    print(e)
try:
    c.foo = 1
except AttributeError as e:
    print(e)
try:
    list(g)
except TypeError as e:
    print(e)
c.close()
