"""Assigning __bases__ (type_set_bases), a metaclass's mro() (mro_internal, mro_check), __class__ layout checks."""


class C:
    pass


class C2:
    def __getattribute__(self, attr):
        if attr == "a":
            return 2
        return super().__getattribute__(attr)

    def meth(self):
        return 1


class D(C):
    pass


class E(D):
    pass


d, e = D(), E()
D.__bases__ = (C,)
D.__bases__ = (C2,)
print(d.meth(), e.meth(), d.a, e.a, C2.__subclasses__() == [D], C.__subclasses__())
print(D.__bases__ == (C2,), [k.__name__ for k in E.__mro__])


def attempt(label, f):
    try:
        f()
        print(label, "ok")
    except Exception as ex:
        print(label, type(ex).__name__, ex)


def setb(cls, value):
    cls.__bases__ = value


def delb(cls):
    del cls.__bases__


attempt("del", lambda: delb(D))
attempt("empty", lambda: setb(D, ()))
attempt("list", lambda: setb(D, [C]))
attempt("nonclass", lambda: setb(D, (C, 1)))
attempt("self", lambda: setb(D, (D,)))
attempt("sub", lambda: setb(D, (E,)))
attempt("dup", lambda: setb(D, (C, C)))
attempt("builtin", lambda: setb(int, (object,)))


class F(C):
    pass


attempt("layout", lambda: setb(F, (list,)))


class L(list):
    pass


attempt("list->dict", lambda: setb(L, (dict,)))


class A1:
    def f(self):
        return "A1"


class B1(A1):
    pass


class C1(A1):
    def f(self):
        return "C1"


class D1(B1, C1):
    pass


class Perverse(type):
    def mro(cls):
        out = type.mro(cls)
        out.reverse()
        return out


class X(D1, B1, C1, A1, metaclass=Perverse):
    pass


print([k.__name__ for k in X.__mro__], X().f(), [k.__name__ for k in X.mro()])


class Conflict(C, C2):
    pass


class BadMeta(type):
    def mro(cls):
        return [cls, dict, object]


attempt("unsuitable", lambda: BadMeta("Y", (), {}))


class NonClass(type):
    def mro(cls):
        return [1]


attempt("nonclass mro", lambda: NonClass("Y", (), {}))


class NonSeq(type):
    def mro(cls):
        return 1


attempt("nonseq mro", lambda: NonSeq("Y", (), {}))

calls = []


class Counting(type):
    def mro(cls):
        calls.append((cls.__name__, cls.__mro__ is None))
        return type.mro(cls)


class P(metaclass=Counting):
    pass


class Q(P):
    pass


class R(metaclass=Counting):
    pass


Q.__bases__ = (R,)
print(calls, [k.__name__ for k in Q.__mro__])


class Failing(type):
    def mro(cls):
        if cls.__name__ == "Q2" and fail:
            raise ValueError("no mro")
        return type.mro(cls)


fail = False


class Base0(metaclass=Failing):
    pass


class P2(Base0):
    pass


class Q2(P2):
    pass


class S2(metaclass=Failing):
    pass


fail = True
attempt("failing", lambda: setb(P2, (S2,)))
print(P2.__bases__ == (Base0,), [k.__name__ for k in Q2.__mro__])
fail = False
P2.__bases__ = (S2,)
print([k.__name__ for k in Q2.__mro__])


class G:
    __slots__ = ["a", "b"]


class H:
    __slots__ = ["b", "a"]


class K(H):
    __slots__ = ["e"]


class M(G):
    __slots__ = ["e"]


class N(G):
    pass


class O(G):
    __slots__ = ["__dict__", "__weakref__"]


g = G()
g.a = 1
g.__class__ = H
print(type(g).__name__, g.a)


def setc(obj, cls):
    obj.__class__ = cls


attempt("K->M", lambda: setc(K(), M))
attempt("N->O", lambda: setc(N(), O))
attempt("G->K", lambda: setc(G(), K))


class Desc:
    def __set_name__(self, owner, name):
        raise ValueError("bad " + name)


try:
    class WithDesc:
        x = Desc()
except RuntimeError as ex:
    print(type(ex).__name__, ex, repr(ex.__cause__), ex.__suppress_context__)
