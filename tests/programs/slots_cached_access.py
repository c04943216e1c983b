# __slots__ members read and written in loops (the attribute cache's slot
# entries), with everything that must bypass or invalidate them.


class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Q(P):
    __slots__ = ("z",)

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def norm1(self):
        return super().norm1() + abs(self.z)


def total(points):
    t = 0
    for p in points:
        t += p.norm1()
        p.x += 1
    return t


pts = [P(i, -i) for i in range(5)] + [Q(i, i, -i) for i in range(5)]
print(total(pts), total(pts))
print([p.x for p in pts])

# An unset slot raises at the same site that read it before.
def read_x(p):
    return p.x

a = P(1, 2)
print(read_x(a))
del a.x
try:
    read_x(a)
except AttributeError as e:
    print("AttributeError:", e)
a.x = 7
print(read_x(a))

# A member taken into an unrelated class refuses that class's instances.
class Other:
    __slots__ = ()

Other.x = P.x
o = Other()
for _ in range(2):
    try:
        read_x(o)
    except TypeError as e:
        print("TypeError:", e)

# __setattr__ added after the site was cached intercepts the store.
def store_y(p, v):
    p.y = v

b = P(0, 0)
store_y(b, 1)
store_y(b, 2)
print(b.y)

def loud(self, name, value):
    print("set", name, value)
    object.__setattr__(self, name, value)

P.__setattr__ = loud
store_y(b, 3)
print(b.y)
del P.__setattr__
store_y(b, 4)
print(b.y)

# __getattribute__ on a subclass sees every read.
class Watched(P):
    __slots__ = ()

    def __getattribute__(self, name):
        if name == "x":
            return "watched"
        return object.__getattribute__(self, name)

w = Watched(5, 6)
for _ in range(2):
    print(read_x(w), w.y)

# A slot value whose __del__ reads the slots while being replaced.
class Noisy:
    def __init__(self, holder):
        self.holder = holder

    def __del__(self):
        print("del sees", self.holder.y)

h = P(0, "first")
h.x = Noisy(h)
for v in range(3):
    h.y = v
    h.x = Noisy(h)
h.x = None
print("done")
