class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def f():
    a = A("a")
    b = A("b")
    c = A("c")
    print("end f")
f()
objs = [A(1), A(2), A(3)]
objs = None
t = (A("t1"), A("t2"))
del t
d = {"x": A("dx"), "y": A("dy")}
d = None
print("module end")
keep = [A("k1"), A("k2")]
