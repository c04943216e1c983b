# Arguments at the edges of machine integers and allocations: huge slice
# steps, huge format precisions, hex floats beyond the exponent range,
# recursive `__call__`, and a cycle already in an exception's context chain.
import sys

big = sys.maxsize
data = list(range(10))
print(data[::big], data[::-big], data[1::big], data[big::-big], data[-big - 1::big])
del data[::big]
print(data)
del data[::-big]
print(data)
b = bytes(range(255))
print(b[::big], b[-1::-big], b[3:big:big])
print(bytearray(b"abc")[::big], "xyz"[::-big], (1, 2, 3)[::big])
try:
    data[::0]
except ValueError as e:
    print("ValueError:", e)

print(len("%12.*f" % (123456, 1.0)), ("%.70000f" % 1.0)[-3:], len("%.70000e" % 1.5))
print(("%.2000g" % 0.1)[:30], len("%#.2000g" % 0.1), len(format(2.5, ".80000f")))
print(("%.1200f" % 5e-324)[1070:1085], len(format(1e300, ",.66000f")))

for s in ["0x1p-10000000000000", "0x1p99999999999999999999", "0x1p-1075",
          "0x1.0000001p-1075", "0x1p-1074", "0x1p+1023", "0x1.fffffffffffff8p1023",
          "-0x1p-99999999999999999999", "0x1p", "0x1p+", "0x1p1e3", "0X1P3", " 0x.8p1 "]:
    try:
        print(s, float.fromhex(s))
    except (ValueError, OverflowError) as e:
        print(s, type(e).__name__, e)


class A: pass
A.__call__ = A()
try:
    A()()
except RecursionError as e:
    print("RecursionError:", e)


def cycle():
    try:
        raise ValueError(1)
    except ValueError as ex:
        ex.__context__ = ex
        raise TypeError(2)


try:
    cycle()
except Exception as e:
    exc = e
print(type(exc).__name__, type(exc.__context__).__name__, exc.__context__.__context__ is exc.__context__)


def longer_cycle():
    a, b = ValueError("a"), KeyError("b")
    a.__context__ = b
    b.__context__ = a
    try:
        raise a
    except ValueError:
        raise TypeError("t")


try:
    longer_cycle()
except TypeError as e:
    print(repr(e.__context__), repr(e.__context__.__context__), repr(e.__context__.__context__.__context__))
