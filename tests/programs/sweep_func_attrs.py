def counted(fn):
    def wrapper(*a, **k):
        wrapper.calls += 1
        return fn(*a, **k)
    wrapper.calls = 0
    wrapper.__wrapped__ = fn
    return wrapper
@counted
def square(x):
    return x * x
print([square(i) for i in range(4)], square.calls, square.__wrapped__.__name__)
def memo(n):
    if n in memo.cache:
        return memo.cache[n]
    r = n if n < 2 else memo(n - 1) + memo(n - 2)
    memo.cache[n] = r
    return r
memo.cache = {}
print(memo(60), len(memo.cache))
def f(): pass
print(f.__dict__, hasattr(f, "x"))
f.x = 1
f.y = [f]
print(sorted(f.__dict__), f.x, getattr(f, "x"), f.y[0] is f)
del f.x
print(hasattr(f, "x"), f.__dict__.keys())
try:
    del f.nope
except AttributeError as e:
    print(e)
try:
    f.missing
except AttributeError as e:
    print(e)
setattr(f, "z", 3); print(f.z, vars(f)["z"] if False else f.__dict__["z"])
f.__name__ = "renamed"; print(f.__name__, f.__qualname__)
