# At exit the globals of __main__ are in a cycle (functions defined here hold
# them): CPython frees them as garbage, so every __del__ runs while all the
# globals are still in place, in the order of its shutdown collection.
import sys


class A:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        g = sys._getframe().f_globals
        print("del", self.name, g.get("sys") is sys, "f" in g)


def f():
    pass



x0 = A("x0")
lst = [A("l1"), A("l2"), A("l3")]
lst.append(A("l4"))
a = A("a")
a.child = A("child")
t = (A("t1"), A("t2"))
c1 = A("c1")
c2 = A("c2")
c1.other = c2
c2.other = c1
_u = A("_u")
m = []
m.append(A("m1"))
m.append(A("m2"))
tmp = A("tmp")
held = [tmp]
del tmp
d = {"k": A("dv")}
f.attr = A("fattr")


class K:
    kattr = A("kattr")


y = A("y0")
y = A("y")
z = A("z")
print("end")
