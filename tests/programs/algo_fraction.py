def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)


class Frac:
    def __init__(self, num, den=1):
        if den == 0:
            raise ZeroDivisionError("Frac(%d, 0)" % num)
        if isinstance(num, Frac):
            num, den = num.n, num.d * den
        g = gcd(num, den) or 1
        if den < 0:
            g = -g
        self.n, self.d = num // g, den // g

    @staticmethod
    def _coerce(o):
        return o if isinstance(o, Frac) else Frac(o)

    def __add__(self, o):
        o = self._coerce(o)
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)

    __radd__ = __add__

    def __sub__(self, o):
        o = self._coerce(o)
        return Frac(self.n * o.d - o.n * self.d, self.d * o.d)

    def __rsub__(self, o):
        return self._coerce(o) - self

    def __mul__(self, o):
        o = self._coerce(o)
        return Frac(self.n * o.n, self.d * o.d)

    __rmul__ = __mul__

    def __truediv__(self, o):
        o = self._coerce(o)
        return Frac(self.n * o.d, self.d * o.n)

    def __neg__(self):
        return Frac(-self.n, self.d)

    def __abs__(self):
        return Frac(abs(self.n), self.d)

    def __pow__(self, k):
        return Frac(self.n ** k, self.d ** k) if k >= 0 else Frac(self.d ** -k, self.n ** -k)

    def __eq__(self, o):
        o = self._coerce(o)
        return self.n == o.n and self.d == o.d

    def __lt__(self, o):
        o = self._coerce(o)
        return self.n * o.d < o.n * self.d

    def __le__(self, o):
        return self == o or self < o

    def __hash__(self):
        return hash((self.n, self.d))

    def __float__(self):
        return self.n / self.d

    def __int__(self):
        return int(self.n / self.d)

    def __bool__(self):
        return self.n != 0

    def __repr__(self):
        return f"Frac({self.n}, {self.d})"

    def __str__(self):
        return str(self.n) if self.d == 1 else f"{self.n}/{self.d}"

    def __format__(self, spec):
        return format(str(self), spec)


h = sum((Frac(1, k) for k in range(1, 11)), Frac(0))
print(h, float(h), int(h), repr(h))
print(Frac(1, 2) + Frac(1, 3), Frac(1, 2) - 1, 3 - Frac(1, 2), 2 * Frac(3, 4), Frac(3, 4) / Frac(9, 8), -Frac(2, 4), abs(Frac(-1, 3)))
print(Frac(2, 3) ** 3, Frac(2, 3) ** -2, Frac(4, -6), Frac(0, 5), bool(Frac(0, 3)), Frac(1, 3) == Frac(2, 6), Frac(2, 2) == 1)
print(sorted([Frac(1, 2), Frac(1, 3), Frac(3, 4), Frac(-1, 5)]), max(Frac(1, 7), Frac(1, 6)), Frac(1, 3) <= Frac(1, 3), Frac(1, 2) > Frac(1, 3))
print(len({Frac(1, 2), Frac(2, 4), Frac(3, 6), Frac(1, 3)}), f"[{Frac(5, 7):>8}]", f"[{Frac(5, 7):<8}]", "%s|%r" % (Frac(1, 9), Frac(1, 9)))
x = Frac(1)
for i in range(1, 15):
    x = 1 + 1 / x if isinstance(x, int) else Frac(1) + Frac(1) / x
print("golden approx", x, float(x))
e = Frac(0)
fact = 1
for k in range(20):
    if k:
        fact *= k
    e += Frac(1, fact)
print("e approx", float(e), len(str(e.d)))
try:
    Frac(1, 0)
except ZeroDivisionError as err:
    print("error:", err)
try:
    Frac(1, 2) < "x"
except (AttributeError, TypeError) as err:
    print(type(err).__name__ + ":", err)
try:
    Frac(1, 2) + None
except (AttributeError, TypeError) as err:
    print(type(err).__name__ + ":", err)
try:
    Frac(1, 2) @ Frac(1, 3)
except TypeError as err:
    print("TypeError:", err)
mat = [[Frac(2), Frac(1), Frac(-1)], [Frac(-3), Frac(-1), Frac(2)], [Frac(-2), Frac(1), Frac(2)]]
rhs = [Frac(8), Frac(-11), Frac(-3)]
n = 3
for i in range(n):
    p = next(r for r in range(i, n) if mat[r][i])
    mat[i], mat[p] = mat[p], mat[i]
    rhs[i], rhs[p] = rhs[p], rhs[i]
    for r in range(n):
        if r != i and mat[r][i]:
            f = mat[r][i] / mat[i][i]
            mat[r] = [a - f * b for a, b in zip(mat[r], mat[i])]
            rhs[r] = rhs[r] - f * rhs[i]
print([str(rhs[i] / mat[i][i]) for i in range(n)])
