class Singleton:
    _inst = None
    def __new__(cls, *a, **k):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v): self.v = v
a = Singleton(1); b = Singleton(2); print(a is b, a.v)
class Shape:
    def area(self): raise NotImplementedError("subclass must implement")
    def __str__(self): return f"{type(self).__name__} with area {self.area():.2f}"
class Circle(Shape):
    def __init__(self, r): self.r = r
    def area(self): return 3.14159 * self.r ** 2
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
for sh in [Circle(1), Sq(2)]: print(sh)
try:
    Shape().area()
except NotImplementedError as e:
    print("NIE:", e)
class Base:
    def __init__(self): print("Base init"); self.base = True
class Left(Base):
    def __init__(self): print("Left init"); super().__init__()
class Right(Base):
    def __init__(self): print("Right init"); super().__init__()
class Diamond(Left, Right):
    def __init__(self): print("Diamond init"); super().__init__()
d = Diamond(); print(d.base, [c.__name__ for c in Diamond.mro()])
class Counted:
    count = 0
    def __init__(self):
        self.count += 1
        Counted.count += 10
c1 = Counted(); c2 = Counted(); print(c1.count, c2.count, Counted.count)
class Money:
    def __init__(self, amt): self.amt = amt
    def __add__(self, o):
        if isinstance(o, Money): return Money(self.amt + o.amt)
        if isinstance(o, (int, float)): return Money(self.amt + o)
        return NotImplemented
    __radd__ = __add__
    def __eq__(self, o): return isinstance(o, Money) and self.amt == o.amt
    def __repr__(self): return f"Money({self.amt})"
print(Money(1) + Money(2), Money(1) + 5, 5 + Money(1), sum([Money(1), Money(2)], Money(0)), sum([Money(3)]))
try:
    Money(1) + "x"
except TypeError as e:
    print(e)
class Weird:
    def __init__(self): return None
class Bad:
    def __init__(self): return 5
try:
    Bad()
except TypeError as e:
    print(e)
class GA:
    def __getattribute__(self, name):
        if name == "secret": return "intercepted"
        return object.__getattribute__(self, name)
g = GA(); g.x = 1; print(g.secret, g.x)
class Temp:
    def __init__(self, c): self.c = c
    @property
    def f(self): return self.c * 9 / 5 + 32
    @f.setter
    def f(self, v): self.c = (v - 32) * 5 / 9
class SubTemp(Temp):
    @property
    def k(self): return self.c + 273.15
t = SubTemp(100); print(t.f, t.k); t.f = 32; print(t.c)
class It:
    def __init__(self, n): self.n = n
    def __iter__(self):
        for i in range(self.n): yield i * i
print(list(It(4)), 9 in It(4), sum(It(3)), max(It(5)), sorted(It(3), reverse=True))
class BadLen:
    def __len__(self): return -1
try:
    len(BadLen())
except ValueError as e:
    print(e)
class A:
    def __eq__(self, o):
        print("A.__eq__"); return NotImplemented
class B(A):
    def __eq__(self, o):
        print("B.__eq__"); return True
print(A() == B())
print(isinstance(Circle(1), Shape), issubclass(Diamond, Base), Diamond.__bases__, Circle.__mro__[1])
print(type(Circle(1)).__name__, Circle(2).__class__.__name__, Circle.__dict__.get("area") is not None)
class Frozen:
    __slots__ = ("a",)
    def __init__(self): self.a = 1
f = Frozen()
try:
    f.b = 2
except AttributeError as e:
    print(e)
try:
    print(Frozen().__dict__)
except AttributeError as e:
    print(e)
class WithClassAttr:
    items = []
    def add(self, x): self.items.append(x)
w1, w2 = WithClassAttr(), WithClassAttr(); w1.add(1); w2.add(2); print(WithClassAttr.items, w1.items is w2.items)
class Node:
    def __init__(self, v, children=None):
        self.v = v; self.children = children or []
    def __repr__(self): return f"Node({self.v}, {self.children})" if self.children else f"Node({self.v})"
    def depth(self): return 1 + max((c.depth() for c in self.children), default=0)
    def walk(self):
        yield self.v
        for c in self.children: yield from c.walk()
tree = Node(1, [Node(2, [Node(4)]), Node(3)])
print(tree, tree.depth(), list(tree.walk()))
print(str(Weird()).startswith("<__main__.Weird object at 0x"), repr(Weird).startswith("<class"))
class Meta(type):
    def __call__(cls, *a):
        print("Meta call", cls.__name__, a)
        return super().__call__(*a)
class WithMeta(metaclass=Meta):
    def __init__(self, x): self.x = x
print(WithMeta(5).x)
def method(self): return "dynamic " + self.name
Dyn = type("Dyn", (), {"name": "dyno", "method": method})
print(Dyn().method(), Dyn.__name__)
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __le__(self, o): return self.v <= o.v
    def __gt__(self, o): return self.v > o.v
    def __ge__(self, o): return self.v >= o.v
    def __eq__(self, o): return self.v == o.v
    def __hash__(self): return hash(self.v)
    def __repr__(self): return f"C{self.v}"
cs = [Cmp(3), Cmp(1), Cmp(2)]
print(sorted(cs), min(cs), max(cs), Cmp(1) <= Cmp(1), Cmp(2) > Cmp(1), sorted(cs, reverse=True), len(set(cs + [Cmp(1)])))
