import _functools
from _functools import partial, reduce, cmp_to_key
def f(*a, **k): return a, k
p = partial(f, 1, x=2); print(p.func is f, p.args, p.keywords, p(3, y=4), p(x=5))
q = partial(p, 5, z=6); print(q.func is f, q.args, q.keywords)
print(repr(partial(len, 'abc')), partial(len, 'abc')())
class P(partial): pass
print(repr(P(len, [1])), P(len, [1])())
r = partial(max, key=abs); print(r, r([-5, 3]))
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
check(lambda: partial())
check(lambda: partial(1))
check(lambda: reduce(1))
check(lambda: reduce(lambda a, b: a, []))
check(lambda: reduce(lambda a, b: a, 1))
check(lambda: reduce(x=1))
check(lambda: cmp_to_key(1)(2) < 3)
check(lambda: cmp_to_key())
check(lambda: setattr(p, 'func', 1))
print(reduce(lambda a, b: a + b, range(10)), reduce(lambda a, b: a * b, [], 7), reduce(lambda a, b: a + b, ['x'], 'y'))
k = cmp_to_key(lambda a, b: a - b); print(type(k), type(k(1)), k(1).obj, k(1) < k(2), k(2) <= k(1), k(3) == k(3))
print(sorted([5, 2, 9, 1], key=cmp_to_key(lambda a, b: b - a)))
p.keywords['self'] = p; print(repr(p)[-20:])
p2 = partial(f); p2.attr = 1; q2 = partial(p2, 2); print(q2.func is p2, q2.args)
print(type(partial), partial.__module__, partial.__name__)
