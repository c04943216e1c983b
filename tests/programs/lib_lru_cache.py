# functools.lru_cache / cache over the native _lru_cache_wrapper.
import copy
import functools
import pickle

calls = []


@functools.lru_cache(maxsize=3)
def square(x):
    calls.append(x)
    return x * x


for x in [1, 2, 3, 1, 4, 2, 5, 1]:
    square(x)
print(calls, square.cache_info())
square.cache_clear()
print(square.cache_info(), square.cache_parameters())


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(300), fib.cache_info())


@functools.lru_cache(typed=True)
def ident(x, *, scale=1):
    calls.append(("ident", x, scale))
    return x


calls.clear()
ident(1), ident(1.0), ident(True), ident(1, scale=2), ident(1, scale=2), ident(x=1)
print(calls, ident.cache_info())


@functools.lru_cache(maxsize=0)
def nothing(x):
    return x


nothing(1), nothing(1)
print(nothing.cache_info())


@functools.lru_cache(-5)
def negative(x):
    return x


negative(1)
print(negative.cache_info())

for bad in ["big", 1.5]:
    try:
        functools.lru_cache(maxsize=bad)(len)
    except TypeError as e:
        print("TypeError:", e)
try:
    functools._lru_cache_wrapper(1, 2, False, tuple)
except TypeError as e:
    print("TypeError:", e)


@functools.cache
def fails(x):
    calls.append(("fails", x))
    raise ValueError(x)


calls.clear()
for _ in range(2):
    try:
        fails(7)
    except ValueError as e:
        print("ValueError:", e)
print(calls, fails.cache_info())


class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v % 10)

    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v


@functools.lru_cache(maxsize=2)
def keyed(k):
    return k.v * 2


print(keyed(Key(1)), keyed(Key(11)), keyed(Key(1)), keyed(Key(21)), keyed.cache_info())


class Account:
    def __init__(self, n):
        self.n = n

    @functools.lru_cache(maxsize=None)
    def balance(self, extra=0):
        return self.n + extra


a = Account(5)
print(a.balance(), a.balance(extra=1), a.balance(), Account.balance.cache_info())
print(type(Account.__dict__["balance"]).__name__, Account.balance.__wrapped__.__name__)
print(square.__name__, square.__qualname__, square.__doc__, square.__module__)
print(type(square), type(square).__module__, square.__wrapped__(3))
print(copy.copy(square) is square, copy.deepcopy(square) is square)
print(pickle.loads(pickle.dumps(square)) is square)
square.extra = "attr"
print(square.__dict__["extra"], sorted(k for k in vars(square) if not k.startswith("__")))

# The wrapped function re-enters the cache for the same key.
depth = []


@functools.lru_cache(maxsize=4)
def reenter(n):
    depth.append(n)
    if len(depth) < 3:
        reenter(n)
    return len(depth)


print(reenter(0), reenter(0), reenter.cache_info())


@functools.lru_cache(maxsize=2)
def evicting(n):
    if n:
        evicting(n - 1)
    return n


print([evicting(n) for n in (5, 3, 5, 0)], evicting.cache_info())

# A cached function that blocks lets the other threads run.
import threading

barrier = threading.Barrier(2, timeout=10)


@functools.lru_cache(maxsize=8)
def meet(n):
    barrier.wait()
    return n * 3


results = []
threads = [threading.Thread(target=lambda n=n: results.append(meet(n))) for n in (1, 2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results), meet.cache_info())
