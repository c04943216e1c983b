import math


def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: ok {r!r}")
    finally:
        pass


attempt("int", lambda: int("abc"))
attempt("int base", lambda: int("12", 2))
attempt("float", lambda: float("1.2.3"))
attempt("div", lambda: 1 / 0)
attempt("fdiv", lambda: 1.0 / 0)
attempt("mod", lambda: 5 % 0)
attempt("floordiv", lambda: 5 // 0)
attempt("divmod", lambda: divmod(1, 0))
attempt("index", lambda: [1, 2][5])
attempt("tindex", lambda: (1,)[-3])
attempt("sindex", lambda: "abc"[10])
attempt("key", lambda: {"a": 1}["b"])
attempt("keyt", lambda: {}[(1, 2)])
attempt("list.index", lambda: [1, 2].index(3))
attempt("str.index", lambda: "abc".index("z"))
attempt("remove", lambda: [1].remove(2))
attempt("unpack1", lambda: [a for a, b in [(1, 2, 3)]])
attempt("unpack2", lambda: [a for a, b, c in [(1, 2)]])
attempt("unhash", lambda: {[1]: 2})
attempt("unhash set", lambda: {{1}})
attempt("add", lambda: 1 + "a")
attempt("radd", lambda: "a" + 1)
attempt("concat", lambda: [1] + (2,))
attempt("mul", lambda: "a" * 2.0)
attempt("cmp", lambda: 1 < "a")
attempt("sort", lambda: sorted([3, "a", 1]))
attempt("call", lambda: len(5))
attempt("call2", lambda: (lambda x: x)())
attempt("call3", lambda: (lambda x: x)(1, 2))
attempt("kw", lambda: (lambda x: x)(y=1))
five = 5
attempt("notcallable", lambda: five())
attempt("attr", lambda: (5).foo)
attempt("none attr", lambda: None.append)
attempt("sqrt", lambda: math.sqrt(-1))
attempt("log", lambda: math.log(0))
attempt("exp", lambda: math.exp(1000))
attempt("pow", lambda: 10.0 ** 400)
attempt("fact", lambda: math.factorial(-1))
attempt("chr", lambda: chr(-1))
attempt("ord", lambda: ord("ab"))
attempt("iter", lambda: iter(5))
attempt("next", lambda: next(iter([])))
attempt("max", lambda: max([]))
attempt("min", lambda: min(()))
attempt("int none", lambda: int(None))
attempt("float list", lambda: float([]))
attempt("round", lambda: round("x"))
attempt("tuple assign", lambda: (1, 2).__setitem__(0, 5))
attempt("str assign", lambda: "abc".__setitem__(0, "x"))
attempt("range", lambda: range(1, 2, 0))
attempt("big float", lambda: float(10 ** 400))
attempt("int inf", lambda: int(float("inf")))
attempt("int nan", lambda: int(float("nan")))
attempt("join", lambda: ",".join([1, 2]))
attempt("format", lambda: "{} {}".format(1))
attempt("format2", lambda: f"{'x':d}")
attempt("percent", lambda: "%d" % "x")
attempt("percent2", lambda: "%s %s" % (1,))
attempt("percent3", lambda: "%s" % (1, 2))
attempt("dict update", lambda: dict([1, 2]))
attempt("getattr", lambda: getattr(object(), "zz"))
attempt("split", lambda: "a".split(""))
attempt("pop", lambda: [].pop())
attempt("set remove", lambda: set().remove(1))
attempt("dict pop", lambda: {}.pop("k"))
attempt("isqrt", lambda: math.isqrt(-4))
attempt("neg shift", lambda: 1 << -1)
attempt("bytes", lambda: bytes([256]))
attempt("zero pow", lambda: 0 ** -1)
attempt("comb", lambda: math.comb(5, -1))
attempt("str int", lambda: int("1_000") + int("１２"))
attempt("unicode", lambda: "é".encode("ascii"))


def flow(n):
    out = []
    try:
        out.append("try")
        if n == 1:
            raise ValueError("one")
        if n == 2:
            return out + ["returned"]
    except ValueError as e:
        out.append(f"except {e}")
    else:
        out.append("else")
    finally:
        out.append("finally")
    return out


for n in range(3):
    print(n, flow(n))


def nested():
    try:
        try:
            raise KeyError("inner")
        except KeyError as e:
            raise RuntimeError("outer") from e
    except RuntimeError as e:
        print("caught", e, "cause:", repr(e.__cause__), "context:", repr(e.__context__))
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise TypeError("during")
    except TypeError as e:
        print("context", type(e.__context__).__name__, e.__suppress_context__)


nested()


class InsufficientFunds(Exception):
    def __init__(self, need, have):
        super().__init__(f"need {need}, have {have}")
        self.need = need


try:
    raise InsufficientFunds(10, 3)
except InsufficientFunds as e:
    print(e, e.need, e.args, repr(e))
try:
    raise ValueError
except ValueError as e:
    print(repr(e), str(e) == "", e.args)
e = ValueError("a", 2)
print(e, repr(e), str(KeyError("k")), str(KeyError("a", "b")))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError), ZeroDivisionError.__mro__)
