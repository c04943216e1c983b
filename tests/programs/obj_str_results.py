# repr(), str(), ascii() and format() of objects whose special methods return
# str subclasses, or are blocked with None; str formatting limits.
import sys


class StrSubclass(str):
    pass


class WithRepr:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return self.v


class WithStr:
    def __init__(self, v):
        self.v = v

    def __str__(self):
        return self.v


def show(label, v):
    print(label, type(v).__name__, repr(str(v)) if isinstance(v, str) else v)


show("repr sub", repr(WithRepr(StrSubclass("<abc>"))))
show("ascii sub", ascii(WithRepr(StrSubclass("<abc>"))))
show("ascii non-ascii", ascii(WithRepr(StrSubclass("<\xe9>"))))
show("str sub", str(WithStr(StrSubclass("abc"))))
show("str via repr", str(WithRepr(StrSubclass("<abc>"))))
show("subclass ctor", StrSubclass(WithStr(StrSubclass("abc"))))
print(StrSubclass(WithStr(StrSubclass("abc"))) == "abc")
print([WithRepr(StrSubclass("x"))])


class Blocked:
    __str__ = None
    __format__ = None

    def __repr__(self):
        return "Blocked()"


for f in (lambda: str(Blocked()), lambda: "{}".format(Blocked()),
          lambda: "{!s}".format(Blocked()), lambda: "%s" % Blocked(),
          lambda: "{!r}".format(Blocked())):
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)

# One exact str joins to itself; a subclass instance to a new exact str.
s = "abcd"
print("".join([s]) is s)
sub = StrSubclass("abcd")
print(type("".join([sub])).__name__, "".join([sub]) is sub)
t = "abc"
print(t.__getnewargs__()[0] is t, t.__getnewargs__()[0] == t)

for idx in ("def", object(), 1.5):
    try:
        "abc"[idx]
    except TypeError as e:
        print(e)
for seq in ([1], (1,), b"x"):
    try:
        seq[object()]
    except TypeError as e:
        print(e)

try:
    str("abc", "utf-8")
except TypeError as e:
    print(e)

big = "23098475029384702983476098230754973209482573"
cases = [
    lambda: ("{" + big + "}").format(),
    lambda: ("{[" + big + "]}").format([0]),
    lambda: "{{{}:.6f}}".format(sys.maxsize + 1).format(2.34),
    lambda: "{{{}:.6f}}".format(sys.maxsize).format(2.34),
    lambda: "%.{}f".format(sys.maxsize + 1) % 2.34,
    lambda: "%{}f".format(sys.maxsize + 1) % 2.34,
    lambda: "%.{}f".format(2**31) % 2.34,
    lambda: "%*s" % (sys.maxsize + 1, ""),
    lambda: "%.*f" % (sys.maxsize + 1, 1.0 / 7),
    lambda: "%.*f" % (2**31, 1.0 / 7),
    lambda: "%*s" % (-(sys.maxsize + 1), ""),
    lambda: "%c" % 0x110000,
]
for f in cases:
    try:
        print(repr(f()))
    except (ValueError, OverflowError, IndexError) as e:
        print(type(e).__name__, e)


class PseudoFloat:
    def __int__(self):
        return 3


class PseudoInt:
    def __int__(self):
        return 109

    def __index__(self):
        return 109


for conv in ("%x", "%X", "%o", "%d", "%c", "%u", "%i", "%f"):
    for v in (PseudoFloat(), PseudoInt(), 3j):
        try:
            print(conv, repr(conv % v))
        except TypeError as e:
            print(conv, "TypeError:", e)
