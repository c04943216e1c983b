# BaseException's data attributes are descriptors in its class dict, reached
# from every exception class and usable on instances directly.
for name in ["args", "__traceback__", "__context__", "__cause__", "__suppress_context__"]:
    d = getattr(KeyError, name)
    print(name, type(d).__name__, d.__name__, d.__objclass__.__name__, d is getattr(BaseException, name))

e = ValueError(1, 2)
print(BaseException.args.__get__(e), BaseException.args.__get__(None, ValueError) is BaseException.args)
BaseException.args.__set__(e, ["list", "becomes", "tuple"])
print(e.args)
BaseException.__suppress_context__.__set__(e, True)
print(e.__suppress_context__)
try:
    BaseException.args.__get__(42)
except TypeError as ex:
    print("TypeError", ex)


class Mine(Exception):
    pass


print(type(Mine.args).__name__, Mine("x").args)
print([n for n in dir(OSError) if n in ("args", "__traceback__", "__cause__", "__context__", "__suppress_context__")])
print("args" in BaseException.__dict__, "args" in Exception.__dict__)


# A Python class reaches the descriptors of the builtin class it derives from.
class I(int):
    pass


class Mixin:
    pass


class Both(Mixin, KeyError):
    pass


print(I.real is int.real, type(I.imag).__name__, I(5).real, type(Both.args).__name__)
