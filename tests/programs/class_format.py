class P:
    def __str__(self):
        return "P!"

    def __repr__(self):
        return "rP"

    def __format__(self, spec):
        return "F" + spec


p = P()
print("{}".format(p), "{!r}".format(p), "{:x}".format(p), "%s %r" % (p, p), "%s" % p)
print(str([p]), "{0} and {0!s}".format(p))
print("x", p, sep="|")
print(", ".join(str(x) for x in [p, p]))
d = {"k": p}
print(d, f"{d}", f"{p}", f"{p!s:>5}", f"{p!r}")
print(repr((p,)), str((1, p)))


class Num:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v

    def __int__(self):
        return self.v

    def __float__(self):
        return self.v + 0.5

    def __round__(self, n=None):
        return f"round({n})"

    def __pow__(self, e):
        return Num(self.v ** e)

    def __repr__(self):
        return f"Num({self.v})"


n = Num(5)
print("%d %x %.2f %s" % (n, n, n, n), round(n), round(n, 2), pow(n, 2), n ** 3)
print(int(n), float(n), hex(n) if False else "skip", [0, 1, 2, 3, 4, 5, 6][n], "abcdefg"[n:])


class MyInt(int):
    pass


print(round(MyInt(7)), MyInt(3) + MyInt(4), "%d" % MyInt(9), f"{MyInt(42):05d}")
