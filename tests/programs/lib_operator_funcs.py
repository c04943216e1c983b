import operator as o
import _operator, math, sys, gc, builtins
for f, args in [(o.add,(1,)),(o.add,()),(o.neg,()),(o.truth,(1,2)),(o.call,()),(o.setitem,(1,2)),(o.index,()),(o.add,(1,2,3))]:
    try: f(*args)
    except TypeError as e: print(f.__name__, e)
for f, kw in [(o.add, dict(a=1,b=2)), (o.neg, dict(a=1)), (o.call, dict(f=1))]:
    try: f(**kw)
    except TypeError as e: print(e)
print(o.add, o.add.__doc__, o.add.__module__, o.add.__qualname__, o.__lt__, o.__add__)
print(o.call.__doc__); print(o.countOf.__doc__)
for f, args in [(o.index, (1.5,)), (o.concat, (1, 2)), (o.iconcat, (1, 2)), (o.concat, ([1], (2,))), (o.abs, ('x',)), (o.neg, ('x',)), (o.lt, (1, 'a'))]:
    try: print(f(*args))
    except TypeError as e: print(type(e).__name__, e)
print(o.countOf([1, 1, 2], 1), o.indexOf([1, 2], 2), o.countOf(iter('abca'), 'a'))
try: o.indexOf([1], 5)
except ValueError as e: print(e)
print(o.is_(1, 1), o.is_not(None, None), o.not_(0), o.truth([]), o.pow(2, 10), o.ipow(2, 3))
print(o.index(True), type(o.index(True)), o.abs(-3.5), o.inv(5), o.invert(5), o.pos(-2), o.neg(2))
print(o.call(max, 3, 4, key=lambda x: -x), o.matmul.__name__)
l = [1]; print(o.iadd(l, [2]) is l, l, o.iconcat(l, (3,)), o.concat('a', 'b'))
d = {}; o.setitem(d, 'k', 1); print(d, o.getitem(d, 'k'), o.contains(d, 'k')); o.delitem(d, 'k'); print(d)
class S:
    def __getitem__(self, i): return i
    def __add__(self, o): return 'added'
class T:
    def __getitem__(self, i): return i
print(o.concat(S(), S()))
try: o.concat(T(), T())
except TypeError as e: print(e)
try: o.concat(S(), 5)
except TypeError as e: print(e)
class V:
    def __lt__(self, o): return 'lt!'
    def __eq__(self, o): return 'eq!'
print(o.lt(V(), 1), o.eq(V(), 1), o.gt(1, V()))
nan = float('nan'); print(o.countOf([nan], nan), o.indexOf([nan], nan))
print(repr(math.__doc__[:40]), repr(gc.__package__), repr(sys.__doc__[:30]), builtins.__debug__, repr(builtins.__package__))
print(sorted(n for n in dir(_operator) if not n.startswith('__'))[:8])
import functools; print(functools.reduce(o.mul, range(1, 10)))
print(o.itemgetter(1)([4, 5]), o.attrgetter('real')(3), o.length_hint([1, 2]))
