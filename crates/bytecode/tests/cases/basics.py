"""Module docstring."""
import os
import os.path as osp
from collections import OrderedDict, namedtuple as nt
from . import sibling
from .pkg.mod import *

x = 1
y = x + 2 * 3 - 4 / 5 // 6 % 7 ** 8
y += 1; y -= 2; y *= 3; y /= 4; y //= 5; y %= 6; y **= 2; y <<= 1; y >>= 1
y &= 7; y |= 8; y ^= 9; y @= y
z = -x, +x, ~x, not x, x << 2, x >> 1, x & 3, x | 4, x ^ 5, x @ x
c = x < y, x <= y, x == y, x != y, x > y, x >= y, x is y, x is not y, x in y, x not in y
del z


def f(a, b=2, *args, c, d=4, **kw) -> int:
    """Docstring."""
    global x
    x = a + b
    return a if b else c


def outer(p):
    q = p + 1

    def inner(r):
        nonlocal q
        q += r
        return q + p

    return inner


@staticmethod
def decorated(n: "int" = 3):
    return [i * 2 for i in range(n) if i % 2], {i for i in range(n)}, {i: i for i in range(n)}, (i for i in range(n))


class C(object, metaclass=type):
    attr = 1

    def method(self):
        return super().method(), self.attr

    @property
    def prop(self):
        return lambda v=1: v + self.attr


for i in range(10):
    if i == 3:
        continue
    elif i > 8:
        break
else:
    pass

while x < 100:
    x = x * 2
    if x == 50:
        break

s = f"{x!r:>10} {y!s} {z!a} {x:{y}} {x}"
t = os.path.join("a", "b")
u = f(1, c=3, d=4)
v = f(*[1], **{"c": 2})
w = [*range(3), *range(2)]
m = {**{"a": 1}, "b": 2}
a, *b, c = range(5)
a, b = b, a
lst = [1, 2, 3]
lst[0] = lst[1:2]
lst[::2] = []
del lst[0]
print(x and y or z)
assert x, "message"
