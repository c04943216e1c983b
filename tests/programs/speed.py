# Augmented assignment to a subscript: the fused list/int fast path and every
# way out of it (other containers, other keys, out-of-range and shrinking lists).


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

    def __add__(self, other):
        return Noisy(self.name + "+" + str(other))


class Box:
    def __init__(self):
        self.items = {}

    def __getitem__(self, k):
        print("get", k)
        return self.items.get(k, 0)

    def __setitem__(self, k, v):
        print("set", k, v)
        self.items[k] = v


def lists():
    a = [1, 2.5, "s", [0]]
    a[0] += 10
    a[1] *= 2
    a[2] += "t"
    a[3] += [1]
    a[-1] += [2]
    a[-4] -= 1
    print(a)
    v = [0.0, 0.0, 0.0]
    for i in range(5):
        for j in range(3):
            v[j] += i * 0.5 + j
            v[j - 3] -= 0.25
    print(v)
    n = [Noisy("a")]
    n[0] += 1
    print("after", n[0].name)
    t = [True]
    t[0] += True
    print(t)
    nested = [[1, 2], [3, 4]]
    nested[1][0] += nested[0][1]
    print(nested)


def others():
    d = {"k": 1}
    d["k"] += 1
    d["n"] = 0
    d["n"] += 5
    print(d)
    b = Box()
    b["x"] += 3
    b["x"] += 4
    print(b.items)
    s = [1, 2, 3, 4]
    s[1:3] += [9]
    print(s)
    ba = bytearray(b"ab")
    ba[0] += 1
    print(ba)


def errors():
    a = [1, 2]
    for k in (2, -3, "0", 1.0):
        try:
            a[k] += 1
        except (IndexError, TypeError) as e:
            print(type(e).__name__, e)

    def shrink():
        a.clear()
        return 1

    a = [1, 2]
    try:
        a[1] += shrink()
    except IndexError as e:
        print(type(e).__name__, e)
    t = (1, 2)
    try:
        t[0] += 1
    except TypeError as e:
        print(type(e).__name__, e)
    print(t)


def in_place():
    # BINARY_OP, COMPARE_OP, STORE_FAST and jumps on operands read in place.
    big = 2**62
    x = big + big
    y = x * x
    print(x, y, -big - big - big, 7 // -2, -7 % 3, 5 & 3, 6 | 1, 6 ^ 3)
    f = 1.5
    g = f * f - 0.25 / 2
    print(g, f ** 2.0, (-8.0) ** (1 / 3) if False else 2.0 ** -1.5)
    for bad in (0.0, 0):
        try:
            print(f / bad)
        except ZeroDivisionError as e:
            print(type(e).__name__, e)
    nan = float("nan")
    print(nan < 1.0, nan == nan, nan != nan, 1 < 2, 2 <= 1, 3 == 3, 3 != 3)
    s = "text"
    s = 3
    s = 4.5
    print(s)
    t = 0
    for i in range(10):
        if i % 3 == 0:
            t += i
        elif i > 7:
            t -= 1
    print(t, True + True, True < 2)

    def unbound():
        if t < 0:
            u = 1
        return u

    try:
        unbound()
    except UnboundLocalError as e:
        print(type(e).__name__, e)


def words():
    # list[int] items and int/float returns written word by word.
    a = [1, 2.5, "s", None, 2**70]
    print(a[0], a[1], a[-4], a[-5], a[2], a[3], a[4])
    for k in (5, -6):
        try:
            print(a[k])
        except IndexError as e:
            print(type(e).__name__, e)

    def f(x):
        return x * 2

    def g(x):
        return x / 4

    print(f(21), g(1.0), f("ab"), [f(i) for i in range(3)])

    class C:
        def __init__(self, n):
            self.n = n
            if n < 0:
                return n

    print(C(3).n)
    try:
        C(-1)
    except TypeError as e:
        print(type(e).__name__, e)

    def gen():
        yield 1
        return 5

    it = gen()
    print(next(it))
    try:
        next(it)
    except StopIteration as e:
        print("StopIteration", e.value)


lists()
others()
errors()
in_place()
words()
a = [0, 1]
a[2] += 1
