# namedtuple fields are _collections._tuplegetter descriptors.
from collections import namedtuple
import copy
P = namedtuple("P", "x y")
p = P(1, 2)
print(p.x, p.y, P.x.__doc__, type(P.x).__name__, repr(P.x))
P.x.__doc__ = "The x"
print(P.x.__doc__)
try:
    p.x = 3
except AttributeError as e:
    print(e)
try:
    del p.x
except AttributeError as e:
    print(e)
print(copy.deepcopy(p), p._replace(y=5), p._asdict())
class Q(P):
    @property
    def s(self): return self.x + self.y
print(Q(3, 4).s, Q(3, 4))
try:
    P.x.__get__(5)
except TypeError as e:
    print(e)
p.x = 9
