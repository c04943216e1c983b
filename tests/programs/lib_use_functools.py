import functools
from functools import lru_cache, partial, reduce, singledispatch, wraps, total_ordering, cached_property, cmp_to_key
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
fib.cache_clear(); print(fib.cache_info())
@lru_cache(maxsize=2)
def sq(x):
    print("compute", x); return x * x
sq(1); sq(2); sq(1); sq(3); sq(2); print(sq.cache_info())
p = partial(int, base=2); print(p("1010"), p.func, p.args, p.keywords, repr(partial(max, 1, 2))[:20])
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 0))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError:", e)
@singledispatch
def show(x):
    return f"obj {x!r}"
@show.register
def _(x: int):
    return f"int {x}"
@show.register(list)
def _(x):
    return "list " + ",".join(show(i) for i in x)
print(show(1), show("a"), show([1, "b"]), show(True), show.dispatch(float).__name__)
def deco(f):
    @wraps(f)
    def inner(*a, **k):
        return f(*a, **k)
    return inner
@deco
def documented():
    "Docstring here."
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
class C:
    @cached_property
    def val(self):
        print("computing"); return 42
c = C(); print(c.val, c.val, c.__dict__)
print(sorted(["b", "A", "c"], key=cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))
class M:
    @functools.singledispatchmethod
    def f(self, x): return "default"
    @f.register
    def _(self, x: str): return "str"
print(M().f(1), M().f("s"))
pm = functools.partialmethod
class Cell:
    def set(self, v): self.v = v; return self
    set_one = pm(set, 1)
print(Cell().set_one().v)
print(functools.reduce(max, [3, 9, 2]), functools.cache(lambda x: x * 2)(4))
