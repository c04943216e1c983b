# divmod() dispatches to __divmod__ / __rdivmod__ (Decimal, Fraction, timedelta rely on it).
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction
class A:
    def __divmod__(self, o): return ("dm", o)
    def __rdivmod__(self, o): return ("rdm", o)
class B(A):
    def __rdivmod__(self, o): return ("B.rdm", o)
class N:
    def __divmod__(self, o): return NotImplemented
print(divmod(A(), 3), divmod(3, A()), divmod(A(), B())[0])
print(divmod(timedelta(hours=5), timedelta(hours=2)))
print(divmod(Decimal(10), 3), divmod(Decimal("-7.5"), 2), divmod(Fraction(7, 2), 1))
class MyInt(int): pass
print(divmod(MyInt(7), 2), divmod(7.5, MyInt(2)))
try:
    divmod(N(), 1)
except TypeError as e:
    print(e)
try:
    divmod(MyInt(1), "x")
except TypeError as e:
    print(e)
