# object.__reduce_ex__ checks what __getnewargs__ and __getnewargs_ex__
# return, and reads slot values as attributes (a __getattr__ may give them).
import copyreg

args = (-101, "spam")
kwargs = {"bacon": -201, "fish": -301}


class C2:
    def __getnewargs__(self):
        return "bad args"


class C4:
    def __getnewargs_ex__(self):
        return (args, "bad dict")


class C5:
    def __getnewargs_ex__(self):
        return ("bad tuple", kwargs)


class C6:
    def __getnewargs_ex__(self):
        return ()


class C7:
    def __getnewargs_ex__(self):
        return "bad args"


class C9:
    def __getnewargs_ex__(self):
        return (args, {})


class C10:
    def __getnewargs_ex__(self):
        return (args, kwargs)


for c in C2, C4, C5, C6, C7, C9, C10:
    try:
        r = c().__reduce_ex__(2)
        print(r[0].__name__, r[1][1:], r[2:])
    except Exception as e:
        print(type(e).__name__, e)


class S(str):
    pass


class A:
    __slotnames__ = [S("spam")]

    def __getattr__(self, attr):
        if attr == "spam":
            A.__slotnames__[:] = [S("spam")]
            return 42
        raise AttributeError(attr)


r = A().__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[2], r[2] == (None, {"spam": 42}))


class P:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


print(P().__reduce_ex__(2)[2], P.__slotnames__)


class Bad:
    __slotnames__ = 5


try:
    Bad().__reduce_ex__(2)
except TypeError as e:
    print(e)
