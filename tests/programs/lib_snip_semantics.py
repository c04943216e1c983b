# Small builtin semantics found by a probe: lazy tuple checks in
# startswith/endswith, NotImplemented from slice/None comparisons,
# property.getter(None), StringIO of a str subclass, module attribute
# errors after __name__ changes, chain() of a non-iterable.
import io
import itertools
import sys

print("Hello".startswith(("H", 1)), "Hello".endswith(("o", None)))
for args in [((1, "H"),), (("x", 2),), (("x", 1), 10)]:
    try:
        "Hello".startswith(*args)
    except TypeError as e:
        print("TypeError:", e)
print(b"Hello".startswith((b"H", 1)), b"ab".endswith((b"x", bytearray(b"b"))))
try:
    b"Hello".startswith((1, b"H"))
except TypeError as e:
    print("TypeError:", e)

s = slice(1, 2)
print(s.__eq__(0), s.__ne__(0), s.__eq__(slice(1, 2)), s.__ne__(slice(1, 3)))
print(None.__eq__(1), None.__eq__(None), None.__ne__(0))
print(s == 0, s != "x", None == 0, None != None)


class P:
    def _get(self):
        return "got"

    p = property(_get)
    q = p.getter(None)
    r = p.setter(None)


print(P.q.fget is P.p.fget, P().q, P.r.fset)


class S(str):
    def __str__(self):
        return "not used"


print(io.StringIO(S("abc\ndef")).readlines())

m = type(sys)("mymod")
for change in ("keep", "del", "int"):
    if change == "del":
        del m.__name__
    elif change == "int":
        m.__name__ = 5
    try:
        m.missing
    except AttributeError as e:
        print(e)

ch = itertools.chain([1], 2, [3])
print(next(ch))
try:
    next(ch)
except TypeError as e:
    print("TypeError:", e)
print(list(ch))

for src in [
    "def f(**__debug__): pass",
    "def f(a, /, __debug__): pass",
    "lambda *__debug__: 0",
    "f(__debug__=1)",
    "class C(__debug__=1): pass",
    "import os as __debug__",
    "for __debug__ in x: pass",
    "obj.__debug__ = 1",
    "del __debug__",
    "__debug__ += 1",
    "__debug__: int",
    "print(__debug__)",
    "del obj.__debug__",
]:
    try:
        compile(src, "<s>", "exec")
        print("compiles:", src)
    except SyntaxError as e:
        print(src, "->", e.msg, e.lineno, e.offset)
