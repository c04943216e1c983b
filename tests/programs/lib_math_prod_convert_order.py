import math
from fractions import Fraction as F
print(1. * F(3,2))
print(math.prod([1., F(3, 2)]))
class F2:
    def __float__(self): 1/0
for func in (math.atan2, math.copysign, math.remainder):
    try: func("not a number", F2())
    except Exception as e: print(func.__name__, type(e).__name__, e)
