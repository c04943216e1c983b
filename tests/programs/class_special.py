class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        return NotImplemented

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __bool__(self):
        return bool(self.x or self.y)

    def __lt__(self, other):
        return abs(self) < abs(other)


a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a * 3, 3 * a, -a, abs(b), sum([a, b]))
print(a == Vec(1, 2), a != Vec(1, 2), a == 5, a != 5)
print(bool(Vec(0, 0)), bool(a), not a)
print(sorted([b, a, Vec(0, 1)]), min(b, a), max([a, b]))
print(hash(a) == hash(Vec(1, 2)))
c = a
c += b
print(c, a)
try:
    a - b
except TypeError as e:
    print(e)
try:
    a < 3
except TypeError as e:
    print(e)
try:
    a + "s"
except TypeError as e:
    print(e)


class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, v):
        self.items.append(v)
        return self

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __contains__(self, v):
        return v in self.items


acc = Acc()
acc += 1
acc += 2
acc += 3
print(len(acc), acc[0], acc[-1], 2 in acc, 9 in acc, bool(acc))
acc[0] = 10
del acc[1]
print(acc.items, list(acc), [x * 2 for x in acc])


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


print(list(Countdown(5)), sum(Countdown(4)), 3 in Countdown(5))
for i in Countdown(2):
    print("tick", i)


class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10


print(list(Seq()), 20 in Seq(), tuple(Seq()))


class Callable:
    def __init__(self, k):
        self.k = k

    def __call__(self, x, y=1):
        return self.k * x + y


f = Callable(3)
print(f(2), f(2, y=5), callable(f), callable(a))


class Idx:
    def __index__(self):
        return 2


print([1, 2, 3, 4][Idx()], "abcd"[Idx()], bin(Idx()) if False else "skip")


class Fmt:
    def __format__(self, spec):
        return f"<{spec}>"

    def __str__(self):
        return "FMT"


print(f"{Fmt():>10}", format(Fmt(), "x"), f"{Fmt()}", str(Fmt()))


class NoHash:
    def __eq__(self, other):
        return True


try:
    hash(NoHash())
except TypeError as e:
    print(e)
try:
    {NoHash(): 1}
except TypeError as e:
    print(e)
print(NoHash() == 3, NoHash() != 3)


class Cmp:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __le__(self, o):
        return self.v <= o.v

    def __gt__(self, o):
        return self.v > o.v


print(Cmp(1) == Cmp(1), Cmp(1) != Cmp(2), Cmp(1) <= Cmp(2), Cmp(1) >= Cmp(2), Cmp(3) < Cmp(4))


class Base:
    def __add__(self, o):
        return "Base.add"

    def __radd__(self, o):
        return "Base.radd"


class Derived(Base):
    def __radd__(self, o):
        return "Derived.radd"


print(Base() + Derived(), 1 + Base())


class Truth:
    def __len__(self):
        return 0


print(bool(Truth()), "yes" if Truth() else "no")


class Ctx:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress


with Ctx("a") as c:
    print("body", c.name)
with Ctx("b", True):
    raise ValueError("swallowed")
print("after b")
try:
    with Ctx("c"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))
with Ctx("x") as x, Ctx("y") as y:
    print(x.name, y.name)


def early():
    with Ctx("ret"):
        return "returned"


print(early())
for i in range(3):
    with Ctx(str(i)):
        if i == 1:
            continue
        if i == 2:
            break
