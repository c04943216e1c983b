# Testing correct dispatch of subclass overloading __r<op>__...

# This code tests various cases where right-dispatch of a subclass
# should be preferred over left-dispatch of a base class.

# Case 1: subclass of int; this tests code in abstract.c::binary_op1()

class B(int):
    def __floordiv__(self, other):
        return "B.__floordiv__"
    def __rfloordiv__(self, other):
        return "B.__rfloordiv__"

print(B(1) // 1, "B.__floordiv__")
print(1 // B(1), "B.__rfloordiv__")

# Case 2: subclass of object; this is just the baseline for case 3

class C(object):
    def __floordiv__(self, other):
        return "C.__floordiv__"
    def __rfloordiv__(self, other):
        return "C.__rfloordiv__"

print(C() // 1, "C.__floordiv__")
print(1 // C(), "C.__rfloordiv__")

# Case 3: subclass of new-style class; here it gets interesting

class D(C):
    def __floordiv__(self, other):
        return "D.__floordiv__"
    def __rfloordiv__(self, other):
        return "D.__rfloordiv__"

print(D() // C(), "D.__floordiv__")
print(C() // D(), "D.__rfloordiv__")

# Case 4: this didn't work right in 2.2.2 and 2.3a1

class E(C):
    pass


print(E() // 1, "C.__floordiv__")
print(1 // E(), "C.__rfloordiv__")
print(E() // C(), "C.__floordiv__")
print(C() // E(), "C.__floordiv__")
from collections import ChainMap
class Subclass(ChainMap):
    pass
class SubclassRor(ChainMap):
    def __ror__(self, other):
        return super().__ror__(other)
print(type(ChainMap() | Subclass()).__name__, type(Subclass() | ChainMap()).__name__, type(ChainMap() | SubclassRor()).__name__)
class M(type):
    def __lt__(self, other):
        return self.__name__ < other.__name__
    def __eq__(self, other):
        return self.__name__ == other.__name__
    __hash__ = type.__hash__
    def __add__(self, other):
        return self.__name__ + other.__name__
class A(metaclass=M): pass
class B(metaclass=M): pass
print(A < B, B < A, A == B, A != B, A + B, A > B)
print([c.__name__ for c in sorted([B, A])])
from collections.abc import Reversible, Set, Sized
d = {1: 2, 3: 4}
for v in (d.keys(), d.values(), d.items()):
    t = type(v)
    print(t.__name__, isinstance(v, Reversible), isinstance(v, Sized), '__len__' in t.__dict__,
          t.__len__(v), list(t.__iter__(v)), list(t.__reversed__(v)))
print(type(d.keys()).__contains__(d.keys(), 1), type(d.keys()).__and__(d.keys(), {1}), type(d.items()).__or__(d.items(), {5}))
print(type(d.keys()).__rsub__(d.keys(), {1, 9}), type(d.keys()).__xor__(d.keys(), [1, 7]))
class T(tuple):
    pass
class L(list):
    pass
print(L([T((1,))]) == L([T((True,))]), L([T((1,))]) == [T((True,))], list.__eq__(L([T((1,))]), [T((True,))]))
print(list.__eq__([T((1,))], [T((True,))]), list.__lt__([T((1,))], [T((2,))]))
class D(dict): pass
print(D(a=T((1,))) == D(a=T((True,))), dict.__eq__({1: T((1,))}, {1: T((True,))}))
class TT(tuple): pass
print(TT((T((1,)),)) == TT((T((True,)),)), tuple.__eq__((T((1,)),), (T((True,)),)))
from collections.abc import Hashable, Reversible, Sized
print(issubclass(type, Hashable), isinstance(int, Hashable))
print('__hash__' in object.__dict__, type.__mro__)
print(Hashable.__subclasshook__(type))
print(isinstance(int, Sized), isinstance(type, Hashable))
import functools
class T(tuple):
    pass
cached = functools.lru_cache(typed=True)(repr)
print([cached(T(x)) for x in [(1,), (True,), (1.0,), (0,), (False,), (0.0,)]])
print(sorted(k for k in object.__dict__ if k != '__class__'))
print('mro' in type.__dict__, '__subclasses__' in type.__dict__)
