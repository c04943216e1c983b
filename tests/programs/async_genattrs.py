def sub():
    yield 1
    yield 2

def gen():
    print("  inside running:", g.gi_running)
    yield from sub()
    yield 3

g = gen()
print(g.__name__, g.__qualname__, g.gi_code.co_name, g.gi_running, g.gi_suspended, g.gi_yieldfrom)
print(next(g))
print(type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.__name__, g.gi_suspended)
print(next(g), next(g))
print(g.gi_yieldfrom)
g.close()
print(g.gi_suspended, g.gi_frame)

class C:
    def method(self):
        yield self
print(C().method().__qualname__)
try:
    g.nope
except AttributeError as e:
    print(e)
