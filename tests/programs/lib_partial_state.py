"""functools.partial: __setstate__ (subclass tuples and dicts, exact dict kept), __dict__ deletion, recursive repr."""
from functools import partial
p = partial(hex)
try:
    del p.__dict__
except TypeError as e:
    print("TypeError", e)
try:
    p.__dict__ = 5
except TypeError as e:
    print("TypeError", e)
p.__dict__ = {'a': 1}
print(p.a)
class MyTuple(tuple): pass
class MyDict(dict): pass
def capture(*a, **k): return a, k

f = partial(capture)
f.__setstate__((capture, MyTuple((1,)), MyDict(a=10), None))
print(type(f.args), type(f.keywords), f.args, f.keywords, f())
d = {'x': 1}
f.__setstate__((capture, (), d, {'q': 2}))
print(f.keywords is d, f.__dict__, f.q)
f.__setstate__((capture, (), d, None))
print(f.__dict__)
for bad in [(capture, (), {}), [capture, (), {}, None], (None, (), {}, None), (capture, [], {}, None), (capture, (), [], None)]:
    try:
        f.__setstate__(bad)
    except TypeError as e:
        print("TypeError", e)
print(f.__reduce__()[2][1:3])
g = partial(capture, 1, a=2)
g.attr = 3
print(g.__reduce__()[2][3])
print(repr(partial(capture, 1, b=2, **{'a b': 3})))
class P(partial): pass
print(repr(P(capture, 1)))
r = partial(capture)
r.__setstate__((capture, (r,), {'k': r}, None))
print(repr(r))
import copy
h = partial(capture, ['asdf'], bar=[True])
h2 = copy.copy(h)
print(h2.keywords is h.keywords, h2.args is h.args)

class D:
    def __set_name__(self, owner, name):
        raise ValueError("bad " + name)
try:
    class C:
        x = D()
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
