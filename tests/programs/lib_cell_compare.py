# Cells compare by their contents; an empty cell orders before a full one
# and equals another empty one (cell_richcompare).
import types


def make():
    x = [1]
    y = "s"

    def f():
        return x, y

    return f.__closure__


cx, cy = make()
C = types.CellType
c1, c2, e = C(2), C(3), C()
print(c1 < c2, c1 <= c2, c1 == C(2), c1 != c2, c1 > c2, c1 >= C(2))
print(e < c1, e == C(), e != C(), c1 > e, e >= c1, e <= C())
print(cx == C([1]), cx < C([1, 0]), cy == C("s"))
print(sorted([C(3), C(), C(1)], key=lambda c: (c != C(), c.cell_contents if c != C() else 0))[0] == C())
try:
    print(c1 < C("a"))
except TypeError as ex:
    print(ex)
try:
    print(c1 < 5)
except TypeError as ex:
    print(ex)
print(c1 == 2, c1 != 2)


class Loud:
    def __eq__(self, other):
        print("Loud.__eq__")
        return True

    def __lt__(self, other):
        return "truthy"


print(C(Loud()) == C(1), C(Loud()) < C(Loud()))
