# weakref proxies forward the number protocol, iteration and conversions to
# their referent; refs and proxies without callbacks are shared.
import weakref


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return f"add({self.v}, {o})"

    def __radd__(self, o):
        return f"radd({self.v}, {o})"

    def __iadd__(self, o):
        self.v += o
        return self

    def __matmul__(self, o):
        return f"matmul({self.v}, {o})"

    def __floordiv__(self, o):
        return self.v // o

    def __rtruediv__(self, o):
        return o / self.v

    def __pow__(self, o, mod=None):
        return pow(self.v, o, mod)

    def __neg__(self):
        return -self.v

    def __abs__(self):
        return abs(self.v)

    def __index__(self):
        return self.v

    def __float__(self):
        return float(self.v)

    def __divmod__(self, o):
        return divmod(self.v, o)

    def __repr__(self):
        return f"Num({self.v})"


n = Num(7)
p = weakref.proxy(n)
print(p + 1, 1 + p, p @ 2, p // 2, 14 / p, p ** 2, pow(p, 2, 5))
print(-p, abs(p), float(p), divmod(p, 3), [10, 20, 30, 40, 50, 60, 70, 80][p])
q = p
q += 3
print(q, n.v, type(q).__name__)
print(p + p)


class It:
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i


it = It()
pit = weakref.proxy(it)
print(next(pit), list(pit))


class Seq:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i >= 2:
            raise IndexError(i)
        return i * 10

    def __reversed__(self):
        return iter([20, 10])

    def __bytes__(self):
        return b"seq"


s = Seq()
ps = weakref.proxy(s)
print(list(reversed(ps)), bytes(ps), len(ps))
try:
    next(ps)
except TypeError as e:
    print("TypeError:", e)

print(weakref.proxy(n) is p, weakref.ref(n) is weakref.ref(n))
cb = weakref.proxy(n, lambda r: None)
print(cb is p, weakref.getweakrefcount(n))


class MyRef(weakref.ref):
    pass


r1 = MyRef(n)
r2 = weakref.ref(n)
refs = weakref.getweakrefs(n)
print(refs[0] is r2, refs[1] is p, r1 in refs[2:], len(refs))
del n, q, r1, r2, refs, it, s
try:
    p + 1
except ReferenceError as e:
    print("ReferenceError:", e)
