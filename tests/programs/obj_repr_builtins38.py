# Reprs of set and frozenset subclasses through the unbound slot wrapper,
# bytes %c of a one-byte bytearray, and a function's __builtins__.


class S(set):
    pass


class Quiet(set):
    def __repr__(self):
        return set.__repr__(self)


class F(frozenset):
    pass


class BA(bytearray):
    pass


print(set.__repr__(S([1])), set.__repr__(S()), repr(Quiet(range(3))))
print(frozenset.__repr__(F([2])), frozenset.__repr__(F()), bytearray.__repr__(BA(b"x")))
print(b"%c" % (bytearray(b"Z"),), bytearray(b"%c%c") % (bytearray(b"a"), b"b"))
try:
    b"%c" % (bytearray(b"ab"),)
except TypeError as e:
    print("TypeError:", e)


def f():
    pass


print(f.__builtins__ is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else f.__builtins__ is __builtins__)
g = type(f)(f.__code__, {"__builtins__": {"len": len}})
print(g.__builtins__)
h = type(f)(f.__code__, {})
print(type(h.__builtins__).__name__, "len" in h.__builtins__)
print(type(type(f).__dict__["__builtins__"]).__name__)


# bytes % reads __bytes__ and buffers for %b/%s, and __index__ for %x/%c.
class FB:
    def __bytes__(self):
        return b"123"


class I:
    def __index__(self):
        return 65


print(b"%s|%b|%r" % (FB(), memoryview(b"ab"), "x"))
print(b"%b" % FB(), bytearray(b"%b-%x-%c") % (FB(), I(), I()))
print(b"%(k)b %(j)s" % {b"k": FB(), b"j": memoryview(b"m")})
for bad in [(1,), (object(),)]:
    try:
        b"%b" % bad
    except TypeError as e:
        print("TypeError:", e)


class BadBytes:
    def __bytes__(self):
        return "x"


try:
    b"%b" % (BadBytes(),)
except TypeError as e:
    print("TypeError:", e)
