# Attribute caches on instances: every hit must see class changes, __class__
# and __dict__ assignment, shadowing, descriptors added later, __slots__.

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y


def loads(objs):
    return [(o.x, o.y) for o in objs]


def calls(objs):
    return [o.norm() for o in objs]


def stores(objs, v):
    for o in objs:
        o.x = v
        o.y = v + 1


ps = [P(i, i + 1) for i in range(4)]
print(loads(ps), calls(ps))
stores(ps, 7)
print(loads(ps), calls(ps))

# A method shadowed by an instance attribute (a split name, then a dict).
ps[1].norm = lambda: "shadowed"
print(calls(ps))
del ps[1].norm
print(calls(ps))

# A class attribute replaced after the caches were filled.
P.norm = lambda self: -1
print(calls(ps))
del P.norm
try:
    calls(ps)
except AttributeError as e:
    print("AttributeError:", e)


def norm2(self):
    return self.x + self.y


P.norm = norm2
print(calls(ps))

# A property added on the class takes priority over the instance value.
P.x = property(lambda self: "prop-x")
try:
    del ps[0].x
except AttributeError as e:
    print("AttributeError:", e)
print(loads(ps))
try:
    stores(ps, 1)
except AttributeError as e:
    print("AttributeError:", e)
del P.x
print(loads(ps))
stores(ps, 3)
print(loads(ps))


# __class__ assignment to a class with other shared keys.
class Q:
    def __init__(self):
        self.y = "qy"
        self.x = "qx"

    def norm(self):
        return "Q.norm"


q = Q()
objs = ps + [q]
print(loads(objs), calls(objs))
ps[0].__class__ = Q
print(loads(objs), calls(objs))
stores(objs, 10)
print(loads(objs), calls(objs))

# vars() and deletion.
print(vars(ps[2]))
del ps[3].x
try:
    loads(ps[3:])
except AttributeError as e:
    print("AttributeError:", e)
stores(ps[3:], 30)
print(loads(ps[3:]), vars(ps[3]))


# __getattr__ fallback and __getattribute__ / __setattr__ added later.
class G:
    def __init__(self):
        self.a = 1

    def __getattr__(self, name):
        return "missing " + name


def geta(objs):
    return [o.a for o in objs]


g1, g2 = G(), G()
print(geta([g1, g2]))
del g2.a
print(geta([g1, g2]))
G.__getattribute__ = lambda self, name: "ga " + name
print(geta([g1, g2]))
del G.__getattribute__
print(geta([g1, g2]))
log = []
G.__setattr__ = lambda self, name, v: log.append((name, v))
for o in (g1, g2):
    o.a = 5
print(geta([g1, g2]), log)


# __slots__ classes and properties.
class S:
    __slots__ = ("n", "m")

    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n += k

    @property
    def twice(self):
        return self.n * 2


s = S()
for k in range(5):
    s.bump(k)
    print(s.n, s.twice, end=" ")
print()
try:
    s.m
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.other = 1
except AttributeError as e:
    print("AttributeError:", e)
S.twice = property(lambda self: "new twice")
print(s.twice)


# A subclass and its base share the code that reads the attribute.
class Base:
    def __init__(self):
        self.v = "base"

    def who(self):
        return "Base"


class Derived(Base):
    def who(self):
        return "Derived"


objs = [Base(), Derived(), Base(), Derived()]
print([(o.v, o.who()) for o in objs])
Base.who = lambda self: "Base2"
print([(o.v, o.who()) for o in objs])


# Data descriptors from classes with __set__ / __get__.
class D:
    def __get__(self, obj, owner):
        return "D.get"

    def __set__(self, obj, v):
        print("D.set", v)


class WithD:
    def __init__(self):
        self.k = 1


w = WithD()
print(w.k)
WithD.k = D()
print(w.k)
w.k = 2
del WithD.k
print(w.k)


# A misspelt attribute: the error keeps its suggestion.
class Sug:
    def __init__(self):
        self.value = 1


def bad(o):
    return o.valeu


try:
    bad(Sug())
except AttributeError as e:
    print("AttributeError:", e)



# One site seeing more classes than the cache has ways, changed midway.
def make(k):
    class K:
        def __init__(self):
            self.tag = k

        def kind(self):
            return "K%d" % self.tag

    return K


kinds = [make(k) for k in range(6)]
objs = [c() for c in kinds] * 3
print(" ".join(o.kind() + str(o.tag) for o in objs))
kinds[4].kind = lambda self: "new"
kinds[1].tag = property(lambda self: -1)
print(" ".join(o.kind() + str(o.tag) for o in objs))
for o in objs:
    if not isinstance(o, kinds[1]):
        o.tag = o.tag * 2
print(" ".join(o.kind() + str(o.tag) for o in objs))
bad(Sug())
