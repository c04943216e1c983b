def outer():
    x = 1
    class Inner:
        y = x + 1
        def get(self): return x, self.y
    return Inner
print(outer()().get())
class K:
    a = 5
    b = [a * 2]
    c = [i for i in range(3)]
    def f(self):
        try:
            return a
        except NameError as e:
            return str(e)
print(K.b, K.c, K().f())
class Sup:
    def m(self): return "sup"
class Sub(Sup):
    def m(self):
        def inner():
            return __class__.__name__
        return super().m() + " " + inner()
print(Sub().m())
def counter_factory():
    counts = {}
    def count(word):
        counts[word] = counts.get(word, 0) + 1
        return counts[word]
    return count, counts
c, d = counter_factory()
c("a"); c("a"); c("b"); print(d)
def gen_with_finally():
    try:
        yield 1
        return "ret"
    finally:
        print("finally runs")
g = gen_with_finally()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop value", e.value)
total = 0
def add_to_total(n):
    global total
    def helper():
        global total
        total += n
    helper()
add_to_total(5); add_to_total(7); print(total)
def make_multipliers():
    return [(lambda x, m=m: x * m) for m in range(1, 4)]
print([f(10) for f in make_multipliers()])
x = "global"
def read_global():
    return x
def shadow_local():
    x = "local"
    return read_global(), x
print(shadow_local())
def nested_nonlocal():
    a = 0
    def l1():
        nonlocal a
        a += 1
        def l2():
            nonlocal a
            a += 10
        l2()
    l1(); l1()
    return a
print(nested_nonlocal())
funcs = {}
for name in ["sq", "cube"]:
    power = 2 if name == "sq" else 3
    funcs[name] = lambda v, p=power: v ** p
print(funcs["sq"](4), funcs["cube"](2))
def deco_with_state(fn):
    fn.calls = 0
    def w(*a):
        w.calls += 1
        return fn(*a)
    w.calls = 0
    return w
@deco_with_state
def hello(n): return "hi" * n
hello(1); hello(2); print(hello.calls, hello(3))
def kwargs_order(**kw): return list(kw)
print(kwargs_order(z=1, a=2, m=3))
def star_unpack(a, b, c): return a + b + c
print(star_unpack(*"xy", "z"), star_unpack(*[1], **{"b": 2, "c": 3}), [*range(3), *"ab"], {**{"a": 1}, "b": 2}, (*[1, 2],))
first, *middle, last = range(6)
print(first, middle, last)
(a, b), c = [1, 2], 3
print(a, b, c)
for i, (p, q) in enumerate([(1, 2), (3, 4)]):
    print(i, p, q, end="; ")
print()
def recursive_closure(n):
    def fact(k):
        return 1 if k <= 1 else k * fact(k - 1)
    return fact(n)
print(recursive_closure(10))
print((lambda: (yield))) if False else print("skip yield lambda")
def default_eval_time(x=[]):
    x.append(len(x))
    return x
default_eval_time(); print(default_eval_time())
class Descr:
    def __get__(self, obj, objtype=None):
        return "descr from " + (objtype.__name__ if objtype else "?")
class UsesD:
    d = Descr()
print(UsesD.d, UsesD().d)
