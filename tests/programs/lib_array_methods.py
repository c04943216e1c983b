# array.array: comparisons, index with bounds, file I/O, argument checks,
# unicode arrays with surrogates, and its place among the sequence ABCs.
import array
import collections.abc
import io

a = array.array("b", [1, 2, 3])
b = array.array("h", [1, 2, 4])
print(a < b, a <= a, a > b, a >= array.array("b", [1, 2]), a == array.array("d", [1, 2, 3]))
nan = array.array("d", [float("nan")])
print(nan < nan, nan == nan, nan >= nan)
print(a.__lt__([1]), a.__eq__("x"))
for bad in ("a < [1]", "a >= None"):
    try:
        eval(bad)
    except TypeError as e:
        print(e)

c = array.array("i", [0, 1, 0, 1, 2])
print(c.index(0), c.index(0, 1), c.index(1, -2), c.index(2, 0, 5))
for args in [(9,), (2, 0, 4), (), (1, 2, 3, 4), (1, "x")]:
    try:
        print(c.index(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

buf = io.BytesIO()
array.array("h", [1, -2, 300]).tofile(buf)
print(buf.getvalue())
d = array.array("h")
d.fromfile(io.BytesIO(buf.getvalue()), 2)
print(d)
try:
    d.fromfile(io.BytesIO(b"\x05\x00\x06"), 2)
except ValueError as e:
    print("ValueError", e, d)
try:
    d.fromfile(io.BytesIO(b"\x05\x00"), 2)
except EOFError as e:
    print("EOFError", e, d)
for call in (lambda: d.fromfile(io.BytesIO(), -1), lambda: d.fromfile(), lambda: d.tofile(),
             lambda: d.tofile(1), lambda: d.fromfile(1, 1), lambda: d.tofile(f=1),
             lambda: d.tofile(1, 2), lambda: d.fromfile(f=1, n=2), lambda: d.fromfile(io.BytesIO(), "x")):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)

for name in ("tolist", "tobytes", "reverse", "byteswap", "buffer_info"):
    try:
        getattr(a, name)(42)
    except TypeError as e:
        print(e)
for expr in ("a * 'x'", "a * 2.0", "'x' * a", "a *= 'x'"):
    try:
        exec(expr)
    except TypeError as e:
        print(expr, "->", e)
for bad in ("x", 2.0):
    try:
        a.__mul__(bad)
    except TypeError:
        print("a.__mul__ refuses", type(bad).__name__)
print(a * 2, 2 * a)


class Sub(array.array):
    def __init__(self, typecode, data=(), *, scale=1):
        self.scale = scale


s = Sub("d", [1.5], scale=3)
print(s, s.scale)
try:
    array.array("b", scale=1)
except TypeError as e:
    print(e)

u = array.array("u", "a\ud800b")
print(repr(u), ascii(u.tounicode()), ascii(u[1]))
u.fromunicode("\udc00z")
print(len(u), ascii(u.tounicode()))
bad = array.array("u", "xx")
bad.frombytes(b"\xff\xff\xff\x7f")
for f in (bad.tounicode, lambda: repr(bad)):
    try:
        f()
    except ValueError as e:
        print(e)

print(isinstance(a, collections.abc.MutableSequence), issubclass(array.array, collections.abc.Sequence))
