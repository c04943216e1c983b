class A:
    def f(self): return __class__
print('__classcell__' in A.__dict__, A().f())
class D:
    def __set_name__(self, owner, name):
        print("set_name", owner.g())
class B:
    d = D()
    @classmethod
    def g(cls): return super().__repr__ is not None
class M(type):
    def __new__(m, name, bases, ns):
        c = super().__new__(m, name, bases, ns)
        print('in M', c.h())
        return c
class C(metaclass=M):
    def h(self=None): return __class__
try:
    class E:
        __classcell__ = 5
except TypeError as e: print(e)
class F:
    __slots__ = ('__classcell__',)
    def f(self): return __class__
class C:
    @property
    def __name__(self): return "inst"
print(C.__name__, C().__name__, '__name__' in C.__dict__)
C.__name__ = "D"
print(C.__name__, C, C.__qualname__)
for v in (5, "a\0b"):
    try: C.__name__ = v
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
try: del C.__name__
except TypeError as e: print(e)
class E(Exception): pass
E.__name__ = "F"
print(E.__name__, repr(E()), E)
class M(type):
    def __len__(cls): return 2
    def __getitem__(cls, i): return i * 10
class S(metaclass=M): pass
print(list(reversed(S)))
try: reversed(int)
except TypeError as e: print(e)
class T(metaclass=type('N', (type,), {})): pass
try: reversed(T)
except TypeError as e: print(e)
class M(type):
    def __repr__(cls): return "<M>"
class C(metaclass=M): pass
print(format(C), str(C), f"{C!s}", f"{C}")
