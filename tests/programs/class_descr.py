class Temp:
    def __init__(self, c):
        self._c = c

    @property
    def celsius(self):
        """Temperature in C."""
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32


t = Temp(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print(e)
try:
    t.fahrenheit = 3
except AttributeError as e:
    print(e)
del t.celsius
print(t.celsius, Temp.celsius.__doc__, type(Temp.celsius).__name__)


class Counter:
    instances = 0

    def __init__(self):
        Counter.instances += 1

    @classmethod
    def create(cls, n):
        return [cls() for _ in range(n)]

    @staticmethod
    def helper(x):
        return x * 2

    @classmethod
    def name(cls):
        return cls.__name__


class SubCounter(Counter):
    pass


print(len(Counter.create(3)), Counter.instances, Counter.helper(4), Counter().helper(5))
print(SubCounter.name(), SubCounter().name(), type(SubCounter.create(1)[0]).__name__)


class Typed:
    def __init__(self, kind):
        self.kind = kind

    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)


class Person:
    name = Typed(str)
    age = Typed(int)

    def __init__(self, name, age):
        self.name = name
        self.age = age


p = Person("bo", 3)
print(p.name, p.age, sorted(vars(p).items()), type(Person.name).__name__)
try:
    p.age = "old"
except TypeError as e:
    print(e)


class NonData:
    def __get__(self, obj, owner):
        return "from descriptor"


class HasNonData:
    attr = NonData()


h = HasNonData()
print(h.attr, HasNonData.attr)
h.__dict__["attr"] = "from dict"
print(h.attr)


class Base:
    def __init__(self, x):
        self.x = x

    def describe(self):
        return f"Base({self.x})"


class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y

    def describe(self):
        return "Child/" + super().describe() + f"/{self.y}"


class GrandChild(Child):
    def describe(self):
        return "GC/" + super(GrandChild, self).describe()


print(GrandChild(1, 2).describe())
print(super(Child, Child(1, 2)).describe())


class Lazy:
    def __getattr__(self, name):
        if name.startswith("get_"):
            return lambda: name[4:]
        raise AttributeError(f"no {name}")


lz = Lazy()
lz.real = 1
print(lz.get_thing(), lz.real, hasattr(lz, "other"))


class Logged:
    def __init__(self):
        self.log = []

    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)

    def __getattribute__(self, name):
        if name == "magic":
            return 42
        return object.__getattribute__(self, name)


lg = Logged()
lg.a = 1
lg.b = 2
del lg.a
print(lg.log, lg.magic, lg.b, hasattr(lg, "a"))


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


s = Slotted(1, 2)
print(s.x, s.y)
try:
    s.z = 3
except AttributeError as e:
    print(e)


class Plugin:
    registry = []

    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Plugin.registry.append(cls.__name__)


class PA(Plugin, tag="a"):
    pass


class PB(Plugin):
    pass


print(Plugin.registry, PA.tag, PB.tag)


class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__}]"


print(Box[int])


class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["created_by"] = mcls.__name__
        return super().__new__(mcls, name, bases, ns)

    def __call__(cls, *args, **kw):
        print("Meta.__call__", cls.__name__)
        return super().__call__(*args, **kw)

    def describe(cls):
        return "class " + cls.__name__


class WithMeta(metaclass=Meta):
    def __init__(self, v):
        self.v = v


w = WithMeta(5)
print(w.v, WithMeta.created_by, type(WithMeta).__name__, WithMeta.describe(), isinstance(WithMeta, Meta))


class Singleton:
    _inst = None

    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst

    def __init__(self, v):
        self.v = v


s1, s2 = Singleton(1), Singleton(2)
print(s1 is s2, s1.v)


class Check(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int)


class IntLike(metaclass=Check):
    pass


print(isinstance(3, IntLike), isinstance("s", IntLike))
