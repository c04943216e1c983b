# Instance attribute stores: values shared against a class's names until a
# real dict is needed; every dict behaviour must stay CPython's.
import gc


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


a = P(1, 2)
b = P(3, 4)
print(a.x, a.y, b.x, b.y)
print(vars(a), b.__dict__)

# Same names, other order: the dict keeps this instance's insertion order.
c = P.__new__(P)
c.y = 10
c.x = 20
print(vars(c), c.x, c.y)

# An extra attribute on one instance, then more instances.
a.z = 5
d = P(7, 8)
print(vars(a), vars(d), hasattr(d, "z"))
d.z = 9
print(vars(d))

# Replacing in place keeps the order.
a.x = 100
print(list(vars(a)), a.x)

# The dict is the instance's: writes through it are seen, and the reverse.
e = P(1, 1)
dd = e.__dict__
dd["w"] = 3
print(e.w, dd is e.__dict__)
e.v = 4
print(dd)
del e.x
print(dd, hasattr(e, "x"))
dd.clear()
print(vars(e), hasattr(e, "y"))
e.x = 5
print(vars(e))

# Deleting attributes.
f = P(1, 2)
del f.x
print(vars(f))
try:
    del f.x
except AttributeError as err:
    print("AttributeError:", err)
try:
    print(f.x)
except AttributeError as err:
    print("AttributeError:", err)
f.x = 3
print(vars(f))


# Many attributes, past the shared limit.
class Many:
    pass


m = Many()
for i in range(40):
    setattr(m, "a%d" % i, i)
print(len(vars(m)), m.a0, m.a39, list(vars(m))[:3], list(vars(m))[-2:])
m2 = Many()
for i in range(35):
    setattr(m2, "a%d" % i, -i)
print(len(vars(m2)), m2.a34, m2.a5)
m3 = Many()
m3.b = 1
m3.a0 = 2
print(vars(m3))


# Class attributes and methods are not shadowed until set on the instance.
class Q:
    kind = "Q"

    def f(self):
        return "method"


q = Q()
print(q.kind, q.f())
q.kind = "mine"
q.f = lambda: "instance"
print(q.kind, q.f(), Q.kind, Q().f(), vars(q).keys())


# __slots__ classes.
class S:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


s = S()
s.b = 2
s.a += 5
print(s.a, s.b)
try:
    s.c = 3
except AttributeError as err:
    print("AttributeError:", err)
try:
    print(vars(s))
except TypeError as err:
    print("TypeError:", err)


# __class__ assignment keeps the attributes.
class R:
    def __init__(self):
        self.r = 1


class R2:
    pass


r = R()
r.__class__ = R2
r.extra = 2
print(type(r).__name__, vars(r))
r2 = R()
print(vars(r2))


# Cycles through split values are collected; __del__ runs once.
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print("del", self.name)


n1 = Node("n1")
n2 = Node("n2")
n1.other = n2
n2.other = n1
del n1, n2
print("collected", gc.collect() >= 2)


class Link:
    def __init__(self, nxt):
        self.nxt = nxt


head = None
for i in range(5000):
    head = Link(head)
del head
print("chain freed")


# Attributes named by equal but distinct strings.
class T:
    pass


t = T()
name = "".join(["ab", "c"])
setattr(t, name, 1)
t.abc += 1
print(getattr(t, "abc"), vars(t))
t2 = T()
t2.abc = 5
setattr(t2, "".join(["x", "y"]), 6)
print(vars(t2), t2.xy)

# dir, copy and equality of dicts.
p = P(1, 2)
p2 = P.__new__(P)
p2.__dict__.update(p.__dict__)
p2.x = 9
print(vars(p), vars(p2), vars(p) == {"x": 1, "y": 2})
print([k for k in dir(p) if not k.startswith("__")])
print(sorted(P(5, 6).__dict__.items()))
