# Class patterns: __match_args__, keyword sub-patterns, self-matching builtins,
# subclasses of builtin containers, __instancecheck__.


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Plain:
    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)


class WithProp:
    __match_args__ = ("area",)

    def __init__(self, w, h):
        self.w = w
        self.h = h

    @property
    def area(self):
        return self.w * self.h


def where(p):
    match p:
        case Point3(0, 0, 0):
            return "3d origin"
        case Point3(x, y, z=0):
            return f"3d flat {x},{y}"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(xx, 0):
            return f"on x axis at {xx}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point(x, y=y):
            return f"somewhere {x},{y}"
        case Point():
            return "never"
        case _:
            return "not a point"


for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), Point3(0, 0, 0), Point3(1, 2, 0),
          Point3(1, 2, 3), "pt"]:
    print(p, where(p))


def plain(o):
    match o:
        case Plain(kind="circle", r=r):
            return ("circle", r)
        case Plain(kind="rect", w=w, h=h):
            return ("rect", w, h)
        case Plain(kind=k):
            return ("unknown kind", k)
        case Plain():
            return "no kind"


print(plain(Plain(kind="circle", r=2)))
print(plain(Plain(kind="rect", w=1, h=2)))
print(plain(Plain(kind="rect", w=1)))
print(plain(Plain()))
print(plain(5))

match WithProp(3, 4):
    case WithProp(12):
        print("area 12")

# Self-matching builtins bind the subject itself.
for v in [1, True, 2.5, "s", b"b", bytearray(b"ba"), [1], (1,), {1: 2}, {1}, frozenset({2}), None, 3j]:
    match v:
        case bool(b):
            print("bool", b)
        case int(i):
            print("int", i)
        case float(f):
            print("float", f)
        case str(s):
            print("str", s)
        case bytes(bs):
            print("bytes", bs)
        case bytearray(ba):
            print("bytearray", ba)
        case list(l):
            print("list", l)
        case tuple(t):
            print("tuple", t)
        case dict(d):
            print("dict", d)
        case set(s):
            print("set", s)
        case frozenset(fs):
            print("frozenset", fs)
        case complex(real=r, imag=i):
            print("complex", r, i)
        case object():
            print("object", v)

# Keyword sub-patterns on builtins.
match 5:
    case int(real=r, imag=i):
        print("int parts", r, i)

match "abc":
    case str(upper=u):
        print("bound method", u())


class MyInt(int):
    pass


class MyList(list):
    pass


class MyDict(dict):
    pass


class MyStr(str):
    pass


match MyInt(7):
    case MyInt(n):
        print("MyInt binds itself", n, type(n).__name__)

for v in [MyList([1, 2, 3]), MyDict(a=1, b=2), MyStr("ab")]:
    match v:
        case [first, *rest]:
            print("sequence", type(v).__name__, first, rest)
        case {"a": a, **rest}:
            print("mapping", type(v).__name__, a, rest, type(rest).__name__)
        case str(s):
            print("str subclass", type(s).__name__, s)


# __match_args__ inherited, and overridden to fewer names.
class Base:
    __match_args__ = ("a", "b")

    def __init__(self):
        self.a = "A"
        self.b = "B"


class Sub(Base):
    pass


class Narrow(Base):
    __match_args__ = ("b",)


match Sub():
    case Sub(x, y):
        print("inherited", x, y)
match Narrow():
    case Narrow(x):
        print("narrow", x)

# A missing attribute makes the pattern fail, not raise.
match Base():
    case Base(a, c="x"):
        print("no")
    case Base(a):
        print("missing attr falls through", a)


# __instancecheck__ on a metaclass decides isinstance.
class Meta(type):
    def __instancecheck__(cls, obj):
        print("instancecheck", obj)
        return isinstance(obj, int)


class AnyInt(metaclass=Meta):
    pass


match 3:
    case AnyInt():
        print("3 is AnyInt")
match "3":
    case AnyInt():
        print("no")
    case _:
        print("'3' is not AnyInt")


# Attribute lookups happen in order, and each at most once.
class Loud:
    __match_args__ = ("p", "q")

    def __getattr__(self, name):
        print("getattr", name)
        if name == "q":
            raise AttributeError(name)
        return name.upper()


match Loud():
    case Loud(p, q):
        print("no")
    case Loud(p, r=r):
        print("loud", p, r)

# A user class whose __getattr__ raises something else propagates it.
class Boom:
    __match_args__ = ("a",)

    @property
    def a(self):
        raise KeyError("boom")


try:
    match Boom():
        case Boom(a):
            pass
except KeyError as e:
    print("KeyError", e)

# Deep nesting of class, sequence and mapping patterns.
tree = Point(Point(1, [2, {"k": Point(3, 4)}]), 5)
match tree:
    case Point(Point(one, [two, {"k": Point(three, four)}]), five):
        print("deep", one, two, three, four, five)
