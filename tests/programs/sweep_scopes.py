import sys
counter = 0
def inc():
    global counter
    counter += 1
inc(); inc(); print(counter)
def make_counter():
    n = 0
    def step(k=1):
        nonlocal n
        n += k
        return n
    return step
c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c1(10), c2(), c1.__closure__[0].cell_contents if c1.__closure__ else None)
def adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders()])
def late():
    return [lambda x: x + i for i in range(3)]
print([f(10) for f in late()])
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
def varargs(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(varargs(1, c=3), varargs(1, 5, 6, 7, c=8, e=9, f=10), varargs(*[1, 2, 3], **{"c": 0, "z": 1}))
def posonly(a, b, /, c, *, d): return a + b + c + d
print(posonly(1, 2, 3, d=4), posonly(1, 2, c=3, d=4))
try:
    posonly(a=1, b=2, c=3, d=4)
except TypeError as e:
    print(e)
def defaults(x, acc=[]):
    acc.append(x)
    return acc
print(defaults(1), defaults(2), defaults(3, []))
print(varargs.__name__, varargs.__defaults__, varargs.__kwdefaults__, varargs.__code__.co_argcount)
f = lambda *a, **k: (a, k)
print(f(1, 2, x=3), (lambda: 42)(), (lambda x, y=3: x * y)(2))
def deco(fn):
    def wrapper(*a, **k):
        print("calling", fn.__name__)
        return fn(*a, **k)
    wrapper.__name__ = fn.__name__
    return wrapper
@deco
def add(a, b): return a + b
print(add(2, 3), add.__name__)
def repeat(n):
    def d(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return d
@repeat(3)
def hi(x): return "hi " + x
print(hi("bob"))
def memo(fn):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return w
@memo
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
x = 10
def shadow():
    x = 20
    def inner():
        return x
    return inner()
print(shadow(), x)
def unbound():
    try:
        print(y)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    y = 1
unbound()
def gl():
    try:
        print(undefined_thing)
    except NameError as e:
        print(e)
gl()
class K:
    attr = 1
    vals = [attr * i for i in range(3)] if False else None
    def m(self): return K.attr
print(K().m(), K.vals)
print(sorted(locals().keys())[:5] == sorted(globals().keys())[:5], "counter" in globals())
def loc():
    a = 1; b = 2
    return sorted(locals().items())
print(loc())
print(*[1, 2, 3], sep="-", end="!\n")
print("to stderr", file=sys.stderr)
print()
print("a", "b", sep="")
print(1, end=" "); print(2)
def kwonly(*, key=None, **rest): return key, rest
print(kwonly(key=1, other=2), kwonly())
def rec(n): return 0 if n == 0 else 1 + rec(n - 1)
print(rec(500))
sys.setrecursionlimit(200)
def boom(n): return boom(n + 1)
try:
    boom(0)
except RecursionError as e:
    print("RecursionError:", e)
print(sys.getrecursionlimit())
