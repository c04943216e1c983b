for i in range(3):
    if i == 5: break
else:
    print("for-else ran")
n = 0
while n < 3:
    n += 1
else:
    print("while-else", n)
for i in range(10):
    if i % 2: continue
    if i > 6: break
    print(i, end=" ")
print()
if (m := len("hello")) > 3: print("walrus", m)
vals = [y for x in range(5) if (y := x * x) > 4]; print(vals)
x = 5
print("big" if x > 3 else "small", 1 < x < 10, x == 5 == 5.0, not x, x and 0, x or 0, None or "default", [] or {} or "last")
print(1 if [] else 2, bool([0]), bool(""), bool(" "), bool(0.0), bool(-1), bool(None))
a = b = c = 7; a += 1; print(a, b, c)
i, j = 1, 2; i, j = j, i; print(i, j)
t = 1, 2, 3; print(t, type(t).__name__)
print("{0[1]} {1[k]} {2.real}".format([1, 2], {"k": "v"}, 3), "{:{w}.{p}f}".format(3.14159, w=8, p=2), "{!r:>6}".format("a"))
print("{0:b} {0:o} {0:x} {0:X} {0:c}".format(65), "{:e}".format(0.000123), "{:10.4}".format("truncate"), "{:<4}|".format(1))
print(type("X", (object,), {"a": 1})().a, type(3), type("s") is str, isinstance(3, (str, int)), isinstance([], list))
class P:
    @classmethod
    def create(cls): return cls()
    def __repr__(self): return f"<{type(self).__name__}>"
class Q(P):
    @classmethod
    def create(cls):
        obj = super().create()
        obj.extra = True
        return obj
q = Q.create(); print(q, q.extra)
class NoRepr: pass
class OnlyStr:
    def __str__(self): return "only-str"
print(str(OnlyStr()), repr(OnlyStr())[:10], [OnlyStr()][0].__str__(), f"{OnlyStr()}", "%s" % OnlyStr())
class Eq:
    def __eq__(self, o): return True
print(Eq() == 1, Eq() != 1, Eq.__hash__ is None, 1 == Eq())
print(None is None, [] is [], () == ())
print(list(zip([1, 2], [3, 4], strict=True)), list(enumerate("ab", start=10)))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print(e)
print("abc" * -1, [1] * 0, -7 // 2, -7 % 2, 7 // -2, divmod(-7.5, 2), 2 ** 0.5 * 2 ** 0.5)
print(round(0.5), round(1.5), round(2.5), round(-1.5), round(2.675, 2), round(1.005, 2), round(7, -1), round(15, -1), round(25, -1))
lst = list(range(10)); del lst[2:5]; print(lst); del lst[::3]; print(lst)
s = "hello"
print(s[10:], s[-100:2], s[::-2], s[4:1:-1], "".join(sorted(s, reverse=True)))
print(max(3, 1, 2), min("b", "a"), max([1, 2], [1, 3]), max((1, "z"), (1, "a")), sorted([True, False, 1, 0]))
print(abs(-0.0), -0.0, 0.0 == -0.0, str(-0.0), 1 / -float("inf"), float("1e500"), -float("nan"))
print(int("  -12  "), int("+5"), float("  2.5e3 "), float("nan") != float("nan"), int(2.999), int(-2.999))
print(chr(65) + chr(0x263A), ord("€"), "€".encode("utf-8"), len("€".encode()), "\u00e9" == "é", "\N{BULLET}")
print(str(b"bytes"), repr("multi\nline"), "raw\\n", r"raw\n", len(r"\n"), "tab\tend")
print(sorted({3: "c", 1: "a"}.items()), sorted(["10", "9", "100"]), sorted(["10", "9", "100"], key=int))
print(" ".join(f"{i:>3}" for i in range(1, 6)), "\n".join(["l1", "l2"]))
for row in range(1, 4):
    print(" ".join(f"{row * col:3d}" for col in range(1, 4)))
print("Name".ljust(10, ".") + "Price".rjust(8, "."))
print(f"{'nested ' + f'{1+1}'}", f"{3.0:.0%}", f"{-1:+}", f"{1e-3:.2e}", f"{123:>+8.2f}", f"{'x'!a}", f"{{braces}}")
import math
print(f"{math.pi:10.5f}|{math.pi:<10.3}|{math.pi:^10.2e}|{1234.5:_.1f}|{0:#o}|{-42:08d}")
print(hash("a") == hash("a"), hash(()) == hash(()), hash((1, 2)) == hash((1, 2)), hash(-1), hash(-2), hash(2**61 - 1), hash(1.5))
print(id(x) == id(x), callable(len), callable(P), callable(P()), isinstance(P, type), issubclass(bool, int))
print(getattr(P, "create").__name__, P.create.__self__ is P, type(P.__dict__["create"]).__name__)
def f(*, a=1, b): return a, b
print(f(b=2), f(a=0, b=1))
def g(a, b=[], *c, d=(), **e): pass
print(g.__code__.co_varnames, g.__code__.co_argcount, g.__code__.co_kwonlyargcount, g.__code__.co_name)
print(all(isinstance(v, int) for v in [1, True]), sum(x for x in range(5) if x % 2), list(map(int, "123")))
print(divmod(17, 5), (17).__floordiv__(5), 3 .__pow__(2), (2).__rsub__(10), 1.5.__add__(1))
print(format(1234567, ","), format(0.1234, ".2%"), format("s", "^5"), format(255, "08b"), format(3, ""), format(None))
print(len({}), len(set()), len(""), len(range(0)), len(b""), len([[]]), len(((),)))
nums = [3, -1, 4, -1, 5, -9, 2, 6]
print(sorted(nums, key=abs), sorted(nums, key=lambda v: (v < 0, v)), max(nums, key=abs), sum(sorted(nums)[:3]))
print([n for n in nums if n > 0][:2], [n * 2 if n > 0 else 0 for n in nums], {n for n in nums if n < 0})
print(list(reversed(sorted(set(nums)))), nums.index(-1), nums.count(-1), nums[::-1][:3])
