# The eval loop's inline fast paths must give the general path's results and errors.
vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, 9223372036854775807, -9223372036854775808]
for a in vals:
    row = []
    for b in vals:
        for op in ("%", "//", "&", "|", "^"):
            try:
                if op == "%":
                    r = a % b
                elif op == "//":
                    r = a // b
                elif op == "&":
                    r = a & b
                elif op == "|":
                    r = a | b
                else:
                    r = a ^ b
            except ZeroDivisionError as e:
                r = "ZeroDivisionError: " + str(e)
            row.append(r)
    print(a, row)

x = 17
x %= 5
x //= 2
x ^= 6
x &= 3
x |= 8
print(x)
print(True % 2, 7 // True, True ^ 3)

fl = [0.0, -0.0, 0.5, 1.0, 2.0, -2.0, 1e308, 1e-308, float("inf"), float("-inf"), float("nan")]
for a in fl:
    row = []
    for b in [0.0, -1.5, 0.5, 2.0, 3.0, -2.0, 1e10, -1e10, float("inf"), float("nan")]:
        try:
            r = a ** b
        except (ZeroDivisionError, OverflowError) as e:
            r = type(e).__name__ + ": " + str(e)
        row.append(r)
    print(a, row)
y = 2.0
y **= 0.5
print(y, 2.0 ** -1.5, 10.0 ** 400 if False else 10.0 ** 300)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print("OverflowError", e)

# Arguments moved off the stack for builtin and bound-method calls.
out = []
for i in range(5):
    out.append(i)
print(out, max(3, 9, 4), min(out), "-".join(["a", "b", "c"]), divmod(17, -5))
print(sorted([3, 1, 2], reverse=True), dict(a=1, b=2), list(zip("ab", (1, 2), [True, False])))
print((1, 2, 3), [4, 5, 6], {7: 8, 9: 10}, {11}, f"{out[2]}-{out[3]}")

# Generators keep their locals and stack across many suspensions.
def gen(n):
    acc = []
    for i in range(n):
        acc.append(i)
        x = yield (i, len(acc), sum(acc))
        if x is not None:
            acc.append(x)

g = gen(6)
print(next(g), next(g), g.send(100), next(g))
print(list(gen(4)))

def nested(n):
    for i in range(n):
        yield from (j * i for j in range(3))

print(sum(nested(50)), list(nested(3)))

class C:
    def __init__(self):
        self.a = 1

    def m(self):
        return self.a

class D(C):
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)

    def __getattr__(self, name):
        return name.upper()

c, d = C(), D()
print(c.m(), d.m(), d.missing)
C.m = lambda self: self.a + 100
print(c.m(), d.m())
