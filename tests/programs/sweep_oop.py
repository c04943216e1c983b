class Animal:
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
    def __str__(self):
        return self.name
class Dog(Animal):
    def speak(self):
        return super().speak() + " (woof)"
class Cat(Animal):
    sound = "meow"
    def speak(self):
        return f"{self.name} says {self.sound}"
pets = [Dog("Rex"), Cat("Tom"), Animal("Generic")]
for p in pets:
    print(p.speak(), repr(p), str(p))
print(Animal.count, isinstance(pets[0], Animal), issubclass(Cat, Dog), Dog.__mro__)
print(Dog.__name__, Dog.__qualname__, Dog.__bases__, type(pets[1]) is Cat)
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o): return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k): return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self): return Vec(-self.x, -self.y)
    def __abs__(self): return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o): return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __repr__(self): return f"Vec({self.x}, {self.y})"
    def __iter__(self): yield self.x; yield self.y
    def __bool__(self): return bool(self.x or self.y)
    def __lt__(self, o): return abs(self) < abs(o)
v = Vec(3, 4)
print(v + Vec(1, 1), v - Vec(1, 1), v * 2, 2 * v, -v, abs(v), list(v), bool(Vec(0, 0)))
print(v == Vec(3, 4), v != Vec(3, 4), {v: 1}[Vec(3, 4)], sorted([Vec(5, 5), Vec(1, 0), v]))
try:
    v.z = 1
except AttributeError as e:
    print("AttributeError:", e)
class Stack:
    def __init__(self): self._items = []
    def push(self, x): self._items.append(x); return self
    def pop(self): return self._items.pop()
    def __len__(self): return len(self._items)
    def __getitem__(self, i): return self._items[i]
    def __contains__(self, x): return x in self._items
    @property
    def top(self): return self._items[-1] if self._items else None
    @staticmethod
    def make(*xs):
        s = Stack()
        for x in xs: s.push(x)
        return s
    @classmethod
    def empty(cls): return cls()
s = Stack.make(1, 2, 3)
print(len(s), s.top, s[0], 2 in s, 5 in s, list(s), s.pop(), len(Stack.empty()))
class Temp:
    def __init__(self): self._c = 0
    @property
    def c(self): return self._c
    @c.setter
    def c(self, v):
        if v < -273: raise ValueError("too cold")
        self._c = v
    @c.deleter
    def c(self): print("deleting"); self._c = 0
t = Temp(); t.c = 25; print(t.c)
try: t.c = -300
except ValueError as e: print(e)
del t.c; print(t.c)
class Meta(type):
    def __new__(m, name, bases, ns):
        ns['tag'] = name.lower()
        return super().__new__(m, name, bases, ns)
class Tagged(metaclass=Meta): pass
print(Tagged.tag, type(Tagged).__name__)
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
class Counter:
    def __init__(self): self.n = 0
    def __call__(self, k=1): self.n += k; return self.n
c = Counter(); c(); c(5); print(c.n, callable(c), callable(1))
class Dyn:
    def __getattr__(self, name): return f"dyn_{name}"
d = Dyn(); d.real = 1
print(d.real, d.fake, getattr(d, "other"), hasattr(d, "x"))
print(vars(Temp()), Temp().__dict__, getattr(t, "nothing", "default"))
class WithEq:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
try:
    hash(WithEq(1))
except TypeError as e:
    print(e)
class Ord:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"O{self.v}"
print(sorted([Ord(3), Ord(1), Ord(2)]), max([Ord(3), Ord(7)]), min(Ord(4), Ord(2)))
try:
    Ord(1) > 5
except TypeError as e:
    print(e)
try:
    Ord(1) <= Ord(2)
except TypeError as e:
    print(e)
