class A:
    def f(self): return "A"
class B:
    def f(self): return "B"
a = A()
a.__class__ = B
print(a.f(), type(a).__name__, isinstance(a, B))
for bad in [1, int, "x"]:
    try:
        a.__class__ = bad
    except TypeError as e:
        print(e)
class S1:
    __slots__ = ('x',)
class S2:
    __slots__ = ('y',)
s = S1()
try:
    s.__class__ = S2
except TypeError as e:
    print(e)
try:
    s.__class__ = A
except TypeError as e:
    print(e)
class L(list): pass
class L2(list): pass
l = L()
l.__class__ = L2
print(type(l).__name__)
try:
    l.__class__ = A
except TypeError as e:
    print(e)
try:
    (1).__class__ = A
except TypeError as e:
    print(e)
try:
    del a.__class__
except TypeError as e:
    print(e)
print(a.__class__)
class Base:
    def hello(self): return "base"
class Swapped(Base):
    def hello(self): return "swapped " + super().hello()
    def __repr__(self): return "<Swapped>"
o = Base()
o.x = 5
o.__class__ = Swapped
print(o.hello(), o.x, repr(o), type(o) is Swapped, isinstance(o, Base))
class Guard:
    def __setattr__(self, name, value):
        print("setattr", name)
        object.__setattr__(self, name, value)
g = Guard()
g.__class__ = Swapped
print(type(g).__name__)
