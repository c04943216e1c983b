class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
a = A("a"); b = A("b")
a.other = b; b.other = a
c = A("c")
c.me = c
def f():
    x = A("x"); y = A("y"); x.y = y; y.x = x
f()
print("end")
