import math
class A:
    cls_attr = 1
    def method(self): pass
    @property
    def prop(self): return 1
class B(A):
    def other(self): pass
b = B(); b.inst = 2
print([n for n in dir(b) if not n.startswith("_")])
print([n for n in dir(B) if not n.startswith("_")])
print([n for n in dir(math) if not n.startswith("_")][:10])
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir("") if not n.startswith("_")][:8])
print([n for n in dir({}) if not n.startswith("_")])
def f(): pass
print(sorted(n for n in dir() if not n.startswith("_")))
print(len(dir(object())) > 10, "__init__" in dir(b), "__class__" in dir(b), "inst" in dir(b))
print(hasattr(b, "__dict__"), "__doc__" in dir(A), [n for n in dir(1) if not n.startswith("_")])
class A:
    x = 1
    def m(self): pass
class B(A):
    def __init__(self): self.y = 2
    def __repr__(self): return "B"
class S:
    __slots__ = ("p", "q")
class E(ValueError):
    def extra(self): pass
class L(list):
    def mine(self): pass
print(dir(A()))
print(dir(B()))
print(dir(B))
print(dir(S()))
e = E("x"); e.note = 1
print(dir(e))
print([n for n in dir(L()) if not n.startswith("_")])
