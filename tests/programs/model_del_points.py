class Res:
    def __init__(s, n): s.n = n; print("open", n)
    def __del__(s): print("close", s.n)
def use():
    r = Res(1)
    print("using")
use()
print("after use")
r2 = Res(2)
r3 = r2
del r2
print("r2 deleted")
del r3
print("r3 deleted")
x = [Res(i) for i in range(3, 4)]
x = None
print("list gone")
d = {"a": Res(9)}
d.pop("a")
print("popped")
d["b"] = Res(10)
d["b"] = 0
print("overwritten")
l = [Res(11)]
l[0] = None
print("slot cleared")
class Holder:
    def __init__(s): s.child = Res(12)
h = Holder()
h.child = None
print("child dropped")
def gen():
    r = Res(13)
    yield 1
    yield 2
g = gen(); next(g)
g = None
print("gen dropped")
try:
    t = Res(14)
    raise ValueError
except ValueError:
    del t
print("in except")
def ret():
    return Res(15).n
print(ret())
class Cyc:
    def __init__(s, n): s.n = n; s.me = s
    def __del__(s): print("cyc del", s.n)
Cyc(1)
import gc
print("collect", gc.collect())
Res(16)
print("end")
