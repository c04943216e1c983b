t = ([1], 2)
try:
    t[0] += [3]
except TypeError as e:
    print("TypeError:", e)
print(t)
def register(cls):
    cls.registered = True
    return cls
@register
class R: pass
print(R.registered)
class Base:
    @property
    def name(self): return "base"
class Child(Base):
    @property
    def name(self): return "child/" + super().name
print(Child().name)
class S:
    __slots__ = ("a", "__dict__")
s = S(); s.a = 1; s.b = 2; print(s.a, s.b)
class M:
    @staticmethod
    def st(x): return x * 2
    @classmethod
    def cm(cls): return cls.__name__
class N(M): pass
print(M().st(3), N.cm(), N().cm())
class Seq:
    def __init__(self, d): self.d = list(d)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Seq(self.d[i])
        return self.d[i]
    def __setitem__(self, i, v): self.d[i] = v
    def __len__(self): return len(self.d)
    def __repr__(self): return f"Seq({self.d})"
q = Seq(range(6)); q[1:3] = ["a", "b", "c"]; print(q, q[-1], q[::2], len(q))
x = [1, 2, 3]
x[1:2] = []; print(x)
x[len(x):] = [9]; print(x)
a = [1, 2]; b = a; a += [3]; print(b); a = a + [4]; print(b, a)
c = (1, 2); d = c; c += (3,); print(d, c)
print([] == [], [] is [], None == False, 0 == False, "" == False, 1 == True, 2 == True)
print(bool([[]]), [[]] * 0, [0] * 3, [[0] * 2] * 2)
i = 10
lst = [i for i in range(3)]
print(i, lst)
print(sorted([3, 1, 2], key=lambda v: -v), list(reversed([1, 2, 3])), sorted("cba", reverse=True))
print(round(0.5) + round(1.5) + round(2.5), int("0"), int("-0"), float("-0"), -0.0 == 0, str(-0.0))
print(isinstance(True, int), True + True, True == 1, {True: "a", 1: "b"}, {1.0: "x", 1: "y"})
print(0.1 + 0.7, 0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-9, 1e-3 == 0.001, 3 * "ab", "ab" * False)
print(chr(ord("a") + 1), ord("z") - ord("a"), "".join(chr(c) for c in range(65, 70)), list(map(ord, "AZ")))
print(min([3, 1], default=5), max((), default="none"), sum((), 10), sorted({}), list({}), any({}), all({}))
print("x".join([]), "x".join(["a"]), " ".join("abc"), "a,b".split(","), ",".join("a b".split()))
print(divmod(-1, 5), -1 // 5, -1 % 5, 5 % -3, -5 // -3, 2 ** -2, (-3) ** 3, -3 ** 2)
nested = [[1, [2, [3, [4]]]]]
def flatten(l):
    for x in l:
        if isinstance(x, list): yield from flatten(x)
        else: yield x
print(list(flatten(nested)), nested[0][1][1][1][0])
print(str(print)[:20], len(str(len)), type(None)(), bool(type(None)()))
print(type(NotImplemented)(), type(...)())
try:
    type(None)(1)
except TypeError as e:
    print(e)
