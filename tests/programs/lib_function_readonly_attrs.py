# Function attributes that are read-only members or refuse deletion, and
# arbitrary attributes, which live in the function's __dict__.


def f():
    pass


def outer():
    x = 1

    def g():
        return x

    return g


g = outer()
cases = [
    ("__name__", 7),
    ("__qualname__", 7),
    ("__dict__", None),
    ("__closure__", g.__closure__),
    ("__globals__", {}),
    ("__builtins__", {}),
    ("__code__", 1),
    ("__defaults__", 1),
    ("__kwdefaults__", 1),
    ("__annotations__", 1),
]
for name, val in cases:
    for fn in (f, g):
        try:
            setattr(fn, name, val)
            print("set", name, "ok")
        except Exception as e:
            print("set", name, type(e).__name__, e)
        try:
            delattr(fn, name)
            print("del", name, "ok")
        except Exception as e:
            print("del", name, type(e).__name__, e)

# The members are unchanged by the refused stores.
print(g.__closure__[0].cell_contents, g.__globals__ is globals(), g())
print(f.__name__, f.__qualname__, g.__qualname__)

# Deleting __doc__ and __module__ leaves None, even over a docstring.
def h():
    "doc"


del h.__doc__
print(h.__doc__)
h.__doc__ = "new"
print(h.__doc__)
del h.__doc__
del h.__doc__
print(h.__doc__)
del f.__doc__
del f.__module__
print(f.__doc__, f.__module__)

# Other attributes go to __dict__ and can be deleted again.
f.calls = 3
print(f.__dict__, "calls" in dir(f))
del f.calls
print(f.__dict__)
try:
    del f.calls
except AttributeError as e:
    print(e)
f.__dict__ = {"a": 1}
print(f.a)

# __doc__ and __module__ are members: stores to them (functools.wraps makes
# some) stay out of __dict__.
import functools


def wrapped():
    "wrapped doc"


@functools.wraps(wrapped)
def wrapper():
    pass


print(sorted(wrapper.__dict__), wrapper.__doc__, wrapper.__module__)
wrapper.__module__ = "elsewhere"
print(sorted(vars(wrapper)), wrapper.__module__, "__module__" in dir(wrapper))
del wrapper.__module__
print(wrapper.__module__, wrapper.__doc__)


# dir() of a bound method lists its function's attributes too.
class C:
    def a(self):
        pass


C.a.known_attr = 7
print("known_attr" in dir(C().a), C().a.known_attr, "known_attr" in dir(C.a))
