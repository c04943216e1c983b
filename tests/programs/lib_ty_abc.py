# abc through the native _abc: abstract methods, register, caches, __subclasshook__.
import abc
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    @property
    @abc.abstractmethod
    def p(self): ...
class B(A):
    def f(self): return 1
class C(B):
    p = 3
print(sorted(A.__abstractmethods__), sorted(B.__abstractmethods__), C.__abstractmethods__, C().f())
for k in (A, B):
    try:
        k()
    except TypeError as e:
        print("TypeError:", e)
class V(abc.ABC): pass
V.register(int)
print(isinstance(3, V), issubclass(bool, V), issubclass(str, V), V.register(float) is float, isinstance(1.5, V))
try:
    V.register(3)
except TypeError as e:
    print("TypeError:", e)
class H(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return hasattr(C, "quack") or NotImplemented
class Duck:
    def quack(self): pass
print(isinstance(Duck(), H), issubclass(int, H), abc.get_cache_token() > 0, type(A._abc_impl).__name__)
class Bad(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 5
try:
    issubclass(int, Bad)
except AssertionError as e:
    print("AssertionError:", e)
try:
    A.register(A)
    print("self-register ok")
    B.register(A)
except RuntimeError as e:
    print("RuntimeError:", e)
import collections.abc as cabc
print("__abc_tpflags__" in cabc.Sequence.__dict__, isinstance({}.keys(), cabc.KeysView), isinstance(range(3), cabc.Sequence), issubclass(type(iter("")), cabc.Iterator))
