class Point:
    """A point."""
    count = 0

    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


p = Point(3, 4)
print(p, p.norm2(), Point.count)
print(p.x, p.y, p.__dict__)
print(type(p).__name__, type(p).__qualname__, type(p).__module__, Point.__doc__)
print(p.__class__ is Point, isinstance(p, Point), isinstance(p, object))
m = p.norm2
print(m(), m.__self__ is p if hasattr(m, "__self__") else True)
print([Point(1, 2), Point(0, 0)])
print({"a": Point(5, 6)})
print(str(p), repr(p), f"{p!r}")


class Plain:
    pass


o = Plain()
print(repr(o).startswith("<__main__.Plain object at 0x"), repr(Plain))
o.attr = 10
print(o.attr, vars(o))
del o.attr
print(hasattr(o, "attr"), getattr(o, "attr", "default"))
setattr(o, "z", 3)
print(o.z)


class Outer:
    class Inner:
        def f(self):
            return "inner"

    def method(self):
        return Outer.Inner().f()


print(Outer().method(), Outer.Inner.__qualname__, repr(Outer.Inner))


class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"


class Dog(Animal):
    sound = "woof"


class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + "!"


for a in [Animal("generic"), Dog("rex"), Puppy("bit")]:
    print(a.speak())
print(Puppy.__mro__)
print(Puppy.__bases__, Dog.__base__)
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, (int, Animal)))
print(isinstance(Puppy("x"), (int, Dog)))


class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B" + super().who()


class C(A):
    def who(self):
        return "C" + super().who()


class D(B, C):
    def who(self):
        return "D" + super().who()


print(D().who(), [k.__name__ for k in D.__mro__])
print(D.mro() == list(D.__mro__))

try:
    class Bad(A, D):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    Plain(1)
except TypeError as e:
    print(e)


def make():
    class Local:
        def __init__(self, v):
            self.v = v
    return Local


L = make()
print(L(7).v, L.__qualname__)
Dyn = type("Dyn", (A,), {"x": 5, "get": lambda self: self.x * 2})
print(Dyn().get(), Dyn().who(), Dyn.__name__, type(Dyn), type(3), type(Dyn()))
print(Point.norm2(Point(1, 1)))
Point.extra = lambda self: "patched"
print(p.extra())
