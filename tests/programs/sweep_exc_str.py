for e in [KeyError("a", "b"), KeyError(), ValueError("x", 1), IndexError(3), Exception(), Exception(None), OSError(), StopIteration(1, 2),
          ZeroDivisionError("custom"), TypeError(["list"]), AttributeError("n"), NameError("nm"), RuntimeError(("tup",))]:
    print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args)
class E(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
e = E(1, 2)
print(str(e), repr(e), e.args, e.b)
class E2(Exception):
    pass
print(repr(E2()), repr(E2("m")), str(E2(1, 2)), E2.__name__, E2.__mro__[1].__name__)
try:
    raise E2
except E2 as x:
    print("caught class raise", repr(x))
try:
    raise TypeError("t") from ValueError("v")
except TypeError as x:
    print(repr(x.__cause__), x.__suppress_context__)
def f():
    raise NotImplementedError
try:
    f()
except NotImplementedError as x:
    print(repr(x), isinstance(x, RuntimeError))
try:
    raise SystemExit(2)
except SystemExit as x:
    print("exit code", x.code)
try:
    [].pop()
except (IndexError, KeyError) as x:
    print(type(x).__name__, x)
err = None
try:
    1 / 0
except ZeroDivisionError as err2:
    err = err2
print(type(err).__name__, err)
try:
    print(err2)
except NameError as x:
    print(x)
