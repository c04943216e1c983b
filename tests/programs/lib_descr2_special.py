def booh(self):
    raise AttributeError("booh")
class E:
    __eq__ = property(booh)
print(E() == E())
class I:
    __init__ = property(booh)
try:
    I()
except AttributeError as x:
    print("AE", x)
class G:
    def __get__(self, obj, t):
        return lambda other: "via get"
class F:
    __eq__ = G()
    __lt__ = G()
print(F() == 1, F() < 1)
class K:
    __init__ = staticmethod(lambda *a: print("static init", len(a)))
    __eq__ = classmethod(lambda cls, o: cls.__name__)
K(1, 2)
print(K() == 3)
import types
class R:
    def __repr__(self): return "R!"
    def m(self): pass
print(repr(R().m))
class MyCallable:
    def __call__(self, arg):
        pass
func = MyCallable()
method = types.MethodType(func, R())
print(repr(method))
func.__name__ = "name"
print(repr(method))
func.__qualname__ = "qual"
print(repr(method))
