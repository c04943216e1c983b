import weakref
class A:
    x = 1
a = A()
p = weakref.proxy(a)
print(p.__class__, type(p).__name__, isinstance(p, A), p.x)
print(p.__dict__, hasattr(p, "nope"))
p.y = 5; print(a.y, p.y)
del p.y; print(hasattr(a, 'y'))
print(str(p)[:25] == str(a)[:25], p == a, bool(p))
l = [1, 2]
class L(list): pass
ll = L([3, 1, 2]); q = weakref.proxy(ll)
print(len(q), q[0], sorted(q), 3 in q, q.__class__, isinstance(q, list), q.count(1))
q.append(9); print(ll)
def fn(x): return x * 2
cp = weakref.proxy(fn); print(cp(4), cp.__name__, cp.__class__)
del a
try: p.x
except ReferenceError as e: print("RE", e)
try: p.__class__
except ReferenceError as e: print("RE", e)
print(type(p).__name__)
