class C:
    __slots__ = ('x', 'y')
    def __init__(self): self.x = 1
print(C.x, type(C.x).__name__, repr(C.y))
c = C()
print(C.x.__get__(c), C.x.__get__(c, C), C.x.__get__(None, C))
try:
    c.y
except AttributeError as e:
    print('AE', e)
try:
    c.z = 3
except AttributeError as e:
    print('AE', e)
print(hasattr(c, '__dict__'), C.__slots__)
C.y.__set__(c, 5); print(c.y)
C.y.__delete__(c)
try: C.y.__delete__(c)
except AttributeError as e: print('AE', e)
print(C.x.__name__, C.x.__objclass__)
class D(C):
    __slots__ = ['z', '__dict__']
d = D(); d.z = 1; d.w = 2; print(d.__dict__, d.z, d.x)
class E(C): pass
e = E(); e.q = 1; print(e.__dict__)
class F:
    __slots__ = '__weakref__', 'a'
import gc
print(F.__weakref__, F.a)
class G:
    __slots__ = 'single'
print(G.single, G.__slots__)
try:
    class H:
        __slots__ = ('a',)
        a = 1
except ValueError as e:
    print('VE', e)
try:
    class I(int):
        __slots__ = ('a',)
except TypeError as e:
    print('TE', e)
class J:
    __slots__ = ('__p',)
    def __init__(self): self.__p = 1
print(J._J__p, J().__dict__ if hasattr(J(), '__dict__') else 'nodict')
try:
    del c.y
except AttributeError as e:
    print('AE', e)
try:
    object.__setattr__(c, 'zz', 1)
except AttributeError as e:
    print('AE', e)
print(dir(c)[-3:])
print(vars(D()))
try:
    vars(c)
except TypeError as e:
    print('TE', e)
class K: 
    __slots__ = ()
try: K().a = 1
except AttributeError as e: print('AE', e)
import _weakref as weakref
try: weakref.ref(c)
except TypeError as e: print('TE', e)
class L:
    __slots__ = ['a', 'b']
    def __repr__(self): return f"L({self.a})"
l = L(); l.a = 3; print(l, getattr(l, 'b', 'dflt'))
print(sys.getsizeof(l) if (sys := __import__('sys')) else 0)
class Point:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(1, 2)
print(p, p.x + p.y)
p.x += 10
print(p)
try:
    p.z = 5
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(p, '__dict__'), hasattr(p, 'x'))
del p.y
print(hasattr(p, 'y'))
try:
    print(p.y)
except AttributeError as e:
    print("AttributeError:", e)
class P3(Point):
    __slots__ = ('z',)
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
q = P3(1, 2, 3)
print(q.x, q.y, q.z, q)
print(P3.__slots__, Point.__slots__)
print(getattr(q, 'x'), setattr(q, 'x', 9), q.x)
print(q.__getstate__(), p.__getstate__())
class NoSlots(Point):
    pass
n = NoSlots(5, 6); n.extra = 1; print(n.__dict__, n.x)
print([k for k in Point.__dict__ if not k.startswith('__')])
print(type(Point.x).__name__, Point.x.__name__, Point.x.__qualname__)
class WithDefault:
    __slots__ = ('a',)
    b = 5
w = WithDefault(); print(w.b)
try:
    w.b = 6
except AttributeError as e:
    print("AttributeError:", e)
import sys
for obj in (p, q):
    print(type(obj).__name__, [getattr(obj, a, None) for a in ('x','y','z')])
class Circ:
    __slots__ = ('other', '__weakref__')
import _weakref as weakref, gc
a = Circ(); b = Circ(); a.other = b; b.other = a
r = weakref.ref(a, lambda r: print('a died'))
del a, b; gc.collect(); print(r())
