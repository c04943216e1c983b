# Python-to-Python call paths: plain positional calls, closures, globals
# rebound between calls, builtins calling lambdas, frames torn down on return.

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print(fib(15))


def add3(a, b, c):
    x = a + b
    y = x + c
    return y

print(sum(add3(i, i, i) for i in range(100)))

K = 3

def use_k():
    return K * 2

print(use_k())
K = 10
print(use_k())
del K
try:
    use_k()
except NameError as e:
    print("NameError:", e)
K = "s"
print(use_k())


def len_user():
    return len([1, 2, 3])

print(len_user())
import builtins
real_len = builtins.len
builtins.len = lambda x: 42
print(len_user())
builtins.len = real_len
print(len_user())
len = lambda x: -1
print(len_user())
del len
print(len_user())


def make_adder(k):
    def add(x):
        return x + k
    return add

adders = [make_adder(k) for k in range(5)]
print([a(10) for a in adders])


def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

inc = counter()
print(inc(), inc(), inc())


def compose(f, g):
    return lambda x: f(g(x))

h = compose(adders[2], adders[3])
print(h(1))
print(sum(map(lambda x: x * 2, filter(lambda x: x % 3, range(30)))))
print(list(map(lambda a, b: a - b, range(5), range(5, 10))))
print(sorted(range(10), key=lambda x: -x))


def unbound():
    if False:
        z = 1
    return z

try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def free_unbound():
    def inner():
        return w
    r = inner
    try:
        r()
    except NameError as e:
        print("NameError:", e)
    w = 5
    return r()

print(free_unbound())


def many_locals(a, b):
    c = [a]
    d = {b: c}
    e = (c, d)
    return len(e) + a + b

print(many_locals(1, 2))


class Obj:
    def __del__(self):
        print("del", self.name)

def frees_on_return(name):
    o = Obj()
    o.name = name
    return name

print(frees_on_return("a"))
print(frees_on_return("b"))


def big(n):
    return n * 4611686018427387904 - 1

print(big(3), big(-3))
x = 2 ** 62
print(x + x, -x - x - x, x * 4, 7 // 2, -7 // 2, 7 % -3, 3 - 5)
print(1 < 2, 2 <= 2, 3 == 3.0, 4 != 4, 5 > 6, 6 >= 7)


def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)

print(deep(900))
try:
    deep(10 ** 6)
except RecursionError as e:
    print("RecursionError:", e)
print(deep(500))


def kw(a, b=2, *, c=3):
    return a + b + c

print(kw(1), kw(1, 1), kw(1, c=0), kw(a=5, b=5, c=5))


def star(*args, **kwargs):
    return len(args), sorted(kwargs)

print(star(1, 2, x=3), star())
print(add3(*[1, 2, 3]), add3(**{"a": 1, "b": 2, "c": 3}))
try:
    add3(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    add3(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
