# The native math and sys modules.
import math
import sys
from math import sqrt, pi as PI

print(math.sqrt(16), sqrt(2), PI, math.e, math.floor(-2.5), math.ceil(2.1), math.trunc(-3.7))
print(math.sin(0), math.cos(0), math.atan2(1, 1), math.hypot(3, 4), math.log(math.e), math.log(8, 2))
print(math.log10(1000), math.exp(1), math.fabs(-3), math.factorial(20), math.gcd(12, 18), math.pow(2, 10))
print(math.isnan(math.nan), math.isinf(math.inf), math.degrees(math.pi), math.copysign(1, -0.0), math.tau)
print(sys.getrecursionlimit(), sys.maxsize, type(sys).__name__, math.sqrt(2) ** 2, math.log(2 ** 1000))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    import notamodule
except ImportError as e:
    print(type(e).__name__, e)
sys.setrecursionlimit(5000)

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(depth(4000), sys.getrecursionlimit())
sys.setrecursionlimit(100000)

def forever(n):
    return forever(n + 1)

try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
sys.exit(3)
