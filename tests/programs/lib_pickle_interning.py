# Unpickled attribute names are the interned strings code uses; special
# methods for __newobj__ are looked up on the class; struct sequences and
# functions whose __module__ was deleted.
import pickle
import sys
import time


class C:
    pass


x = C()
x.foo = 42
x.bar = "hello"
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    y = pickle.loads(pickle.dumps(x, proto))
    print(proto, [a is b for a, b in zip(sorted(x.__dict__), sorted(y.__dict__))])
name = "".join(["f", "o", "o"])
print(sys.intern(name) is list(x.__dict__)[0], sys.intern(name) is sys.intern("foo"))


class BadGetattr:
    def __getattr__(self, key):
        self.foo


for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
    print(proto, type(pickle.loads(pickle.dumps(BadGetattr(), proto))).__name__)

t = time.struct_time((2000, 1, 2, 3, 4, 5, 6, 7, 0))
print(hasattr(t, "__slots__"), hasattr(t, "__dict__"))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    u = pickle.loads(pickle.dumps(t, proto))
    print(proto, u == t, type(u).__name__, u.tm_year)


def f():
    pass


print(f.__module__)
del f.__module__
print(f.__module__)
for proto in (0, 2, 4):
    try:
        pickle.dumps(f, proto)
    except (AttributeError, pickle.PicklingError) as e:
        print(proto, type(e).__name__)
f.__module__ = "elsewhere"
print(f.__module__)
