# type(name, bases, ns) argument checks, type.__prepare__, __name__ and
# __qualname__ setters, as CPython's type_new and type_set_* do them.


def attempt(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print("ok", r if not isinstance(r, type) else r.__name__)


# Names: NULs are refused, lone surrogates cannot be encoded.
for name in ["A", "\xc4", "B.A", "42", "", "A\x00B", "A\udcdcB", b"A"]:
    attempt(type, name, (), {})

A = type("C", (), {})
for name in ["A\x00B", "A\udcdcB", b"A", "Z"]:
    def assign(n=name):
        A.__name__ = n
    attempt(assign)
print(A.__name__, A.__qualname__)

# __qualname__: a str in the namespace, and only a str when assigned.
attempt(type, "A", (), {"__qualname__": b"B"})
Q = type("Q", (), {"__qualname__": "B.C"})
print(Q.__name__, Q.__qualname__)
def set_qualname(v):
    Q.__qualname__ = v
attempt(set_qualname, b"B")
attempt(set_qualname, "D.E")
print(Q.__qualname__)
def del_qualname():
    del Q.__qualname__
attempt(del_qualname)

# __doc__: any object, but a str must encode to UTF-8 when given to type().
for doc in ["x", "x\x00y", b"x", 42, None, "x\udcdcy"]:
    attempt(lambda d=doc: type("A", (), {"__doc__": d}).__doc__ == d)
D = type("D", (), {})
D.__doc__ = "x\udcdcy"
print(D.__doc__ == "x\udcdcy")

# __slots__ checks.
class B:
    pass
for bases, ns in [
    ((), {"__slots__": b"x"}),
    ((int,), {"__slots__": "x"}),
    ((), {"__slots__": ""}),
    ((), {"__slots__": "42"}),
    ((), {"__slots__": "x\x00y"}),
    ((), {"__slots__": "x", "x": 0}),
    ((), {"__slots__": ("__dict__", "__dict__")}),
    ((), {"__slots__": ("__weakref__", "__weakref__")}),
    ((B,), {"__slots__": "__dict__"}),
    ((B,), {"__slots__": "__weakref__"}),
    ((), {"__slots__": ("a", "__dict__")}),
]:
    attempt(type, "A", bases, ns)

# Only type itself has the one-argument form.
class M(type):
    pass
attempt(type, 5)
attempt(M, 5)
attempt(type, "A", ())
attempt(M, "A", ())
class N(type, metaclass=M):
    pass
attempt(N, 5)

# type.__prepare__ is a class method returning a new dict, reached by super().
print(type.__prepare__("X", ()), type.__prepare__("X", (), a=1))
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        ns = super().__prepare__(name, bases)
        ns["prepared_by"] = mcls.__name__
        return ns
class X(metaclass=Meta):
    pass
print(X.prepared_by, Meta.__prepare__("Y", ()))

# A metaclass that is not a class: its __prepare__ is used, and checked.
class NotAType:
    @classmethod
    def __prepare__(cls, name, bases):
        return None
    def __call__(self, name, bases, ns):
        return name
def make_bad():
    class Bar(metaclass=NotAType()):
        pass
attempt(make_bad)
class Ok:
    def __call__(self, name, bases, ns):
        return sorted(k for k in ns if not k.startswith("__"))
class Baz(metaclass=Ok()):
    x = 1
print(Baz)


# A dict subclass overriding __iter__ gives type() its own order.
class Reversed(dict):
    def __iter__(self):
        return reversed(list(dict.__iter__(self)))
    def keys(self):
        return list(self.__iter__())
R = type("R", (), Reversed(a=1, b=2))
print([k for k in R.__dict__ if k in "ab"])
