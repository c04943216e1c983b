import gc
class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
a = A('a'); _b = A('_b'); c = A('c')
x = A('x'); del x
print("after del")
y = A('y'); y = None
print("after rebind")
def f():
    z = A('z')
    print("in f")
f()
print("after f")
A('temp')
print("after temp")
l = [A('l1'), A('l2')]
l.clear()
print("cleared")
p = A('p'); q = A('q'); p.q = q; q.p = p
del p, q
print("before collect")
print(gc.collect())
print("after collect")
class B:
    def __del__(self): raise ValueError("boom")
b = B(); del b
print("after boom")
class R:
    def __del__(self):
        global saved
        saved = self
        print("resurrect")
r = R(); del r
print(saved.__class__.__name__)
del saved
print("end")
