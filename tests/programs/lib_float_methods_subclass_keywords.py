# float/int rounding methods, float('-nan'), 0.0 ** -inf, bytes parsed by
# int()/float() as ASCII, __float__ results, and keywords given to builtin
# subclasses whose Python __init__ or __new__ takes them.
import math
import warnings

print((1.5).__trunc__(), (1.5).__floor__(), (-1.5).__ceil__(), (7).__floor__())
print(True.__ceil__(), type(True.__trunc__()).__name__, float.__floor__, int.__ceil__)
for name in ("__trunc__", "__floor__", "__ceil__"):
    for v in (float("nan"), float("-inf")):
        try:
            getattr(v, name)()
        except (ValueError, OverflowError) as e:
            print(name, type(e).__name__, e)
print(math.copysign(1.0, float("-nan")), math.copysign(1.0, float("nan")))
print(0.0 ** -math.inf, (-0.0) ** -math.inf, (-0.5) ** -math.inf)
try:
    0.0 ** -1.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
for b in (b"123\xa0", b" 12 ", b"1\xa0"):
    for f in (int, float):
        try:
            print(f.__name__, f(b))
        except ValueError as e:
            print(f.__name__, e)


class FloatSub(float):
    pass


class ReturnsSub:
    def __float__(self):
        return FloatSub(2.5)


class ReturnsInt:
    def __float__(self):
        return 1


class IgnoredDunder(float):
    def __float__(self):
        return 42


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    r = float(ReturnsSub())
    print(r, type(r).__name__)
print([str(w.message) for w in caught])
for f in (float, math.sqrt):
    for o in (IgnoredDunder(16.0), ReturnsInt()):
        try:
            print(f.__name__, f(o))
        except TypeError as e:
            print(f.__name__, "TypeError:", e)


class F(float):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg


class T(tuple):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg


class FS(frozenset):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg


class L(list):
    def __new__(cls, arg, newarg=None):
        self = super().__new__(cls, arg)
        self.newarg = newarg
        return self


class S(set):
    def __new__(cls, arg, newarg=None):
        self = super().__new__(cls, arg)
        self.newarg = newarg
        return self


for cls in (F, T, FS, L, S, FloatSub):
    arg = 2.5 if issubclass(cls, float) else [1]
    try:
        v = cls(arg, newarg=3)
        print(cls.__name__, v, v.newarg)
    except TypeError as e:
        print(cls.__name__, "TypeError:", e)
