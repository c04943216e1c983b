counter = 0


def incr(by=1):
    global counter
    counter += by
    return counter


incr(); incr(5)
print("counter", counter)


def make_counter(start=0):
    count = start

    def inc():
        nonlocal count
        count += 1
        return count

    def get():
        return count

    return inc, get


inc, get = make_counter(10)
inc(); inc()
print(get(), inc(), get())
adders = [lambda x, i=i: x + i for i in range(3)]
late = [lambda x: x + i for i in range(3)]
print([f(10) for f in adders], [f(10) for f in late])


def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run


inc1 = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc1, dbl)(5), compose(dbl, inc1)(5), compose()(7))


caches = []


def memoize(fn):
    cache = {}

    def wrapper(*args):
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]
    wrapper.__name__ = fn.__name__
    caches.append(cache)
    return wrapper


@memoize
def grid_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return grid_paths(r - 1, c) + grid_paths(r, c - 1)


print(grid_paths(16, 16), len(caches[0]), grid_paths.__name__)


def logged(prefix):
    def deco(fn):
        def inner(*args, **kwargs):
            print(f"{prefix} {fn.__name__}{args} {kwargs}")
            return fn(*args, **kwargs)
        return inner
    return deco


@logged(">>")
def area(w, h=1, *, unit="m"):
    return f"{w * h}{unit}2"


print(area(3, 4), area(2, unit="cm"), area(w=5))


def stats(*nums, **opts):
    rounding = opts.pop("digits", 2)
    if not nums:
        return None
    mean = sum(nums) / len(nums)
    var = sum((x - mean) ** 2 for x in nums) / len(nums)
    return round(mean, rounding), round(var ** 0.5, rounding), sorted(opts)


print(stats(1, 2, 3, 4), stats(2, 4, 4, 4, 5, 5, 7, 9, digits=3, x=1, a=2), stats())
args = (1, 2)
kw = {"sep": "|", "end": "\n"}
print(*args, 3, **kw)


def kwonly(a, b=2, *rest, c, d=4, **kw):
    return a, b, rest, c, d, kw


print(kwonly(1, c=3), kwonly(1, 2, 3, 4, c=5, e=6), kwonly(*[9, 8, 7], **{"c": 0, "z": 1}))


def posonly(a, b, /, c):
    return a + b + c


print(posonly(1, 2, c=3), posonly(1, 2, 3))
for bad in (lambda: kwonly(1), lambda: posonly(a=1, b=2, c=3), lambda: kwonly(1, c=1, a=2), lambda: area()):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


def outer():
    x = "outer"

    def middle():
        def inner():
            return x
        return inner()
    return middle()


print(outer())
fns = {}
for name in ("sq", "cube"):
    p = 2 if name == "sq" else 3
    fns[name] = (lambda p: lambda x: x ** p)(p)
print(fns["sq"](4), fns["cube"](4))
print((lambda *a, **k: (a, k))(1, x=2), (lambda: None)(), (lambda x=[]: x)())
print(sorted(["b10", "a2", "a10"], key=lambda s: (s[0], int(s[1:]))))


def gen_ids():
    n = 0
    def nxt():
        nonlocal n
        n += 1
        return f"id{n:03d}"
    return nxt


nxt = gen_ids()
print([nxt() for _ in range(3)])
print(incr.__name__, make_counter.__defaults__, kwonly.__kwdefaults__, (lambda: 0).__name__, area.__qualname__)
x = 5


def shadow():
    x = 1
    def g():
        global x
        x += 100
        return x
    return g(), x


print(shadow(), x)
try:
    def bad_local():
        print(y)
        y = 1
    bad_local()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
try:
    undefined_name
except NameError as e:
    print("NameError:", e)
