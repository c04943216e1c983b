# Functions: defaults, keywords, varargs, closures, recursion.
def greet(name, greeting="Hello", *, punct="!"):
    return greeting + ", " + name + punct

print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(greeting="Yo", name="Di"))

def stats(*args, **kwargs):
    return len(args), sum(args), sorted(kwargs.items())

print(stats(1, 2, 3, x=1, y=2), stats(), stats(*[4, 5], **{"z": 9}))

def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c = make_counter()
c()
c(5)
print(c(), c.__name__, c.__qualname__)

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

print(fact(20), fact(30), fib(90))
adders = [lambda x, k=k: x + k for k in range(3)]
print([f(10) for f in adders], (lambda: "lam")(), list(map(lambda x: x * 2, [1, 2, 3])))
print(list(filter(None, [0, 1, "", "a"])), list(filter(lambda x: x > 1, [1, 2, 3])))

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()

print(outer())
g = 1
def setg():
    global g
    g = 2
setg()
print(g)

def defaults(a, b=[]):
    b.append(a)
    return b

defaults(1)
print(defaults(2), defaults.__defaults__)

def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)

print(deep(900))

def kwonly(a, /, b, *, c=3):
    return a, b, c

print(kwonly(1, 2), kwonly(1, b=5, c=6))
print(print, len.__name__, type(greet).__name__)
