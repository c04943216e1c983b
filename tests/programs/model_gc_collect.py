import gc
class A: pass
gc.collect()
a=A(); b=A(); a.b=b; b.a=a
del a,b
print(gc.collect())
l=[]; l.append(l); del l
print(gc.collect())
d={}; d['d']=d; del d
print(gc.collect())
a=A(); a.self=a; del a
print(gc.collect())
def f():
    def g(): return g
    return g
g=f(); del g
print(gc.collect())
class B:
    def m(self): pass
b=B(); b.m2=b.m; del b
print(gc.collect())
a=A(); a.s=a; del a
print(gc.collect())
class S:
    __slots__=('x',)
s=S(); s.x=s; del s
print(gc.collect())
x=[[]]; x[0].append(x); del x
print(gc.collect())
t=([],); t[0].append(t); del t
print(gc.collect())
class Node:
    def __init__(self, i):
        self.i = i
        self.next = None
def ring(n):
    head = Node(0)
    cur = head
    for i in range(1, n):
        cur.next = Node(i)
        cur = cur.next
    cur.next = head
gc.disable()
for r in range(20):
    ring(1000)
print(gc.collect())
gc.enable()
for r in range(50):
    ring(1000)
print(gc.collect() < 50000)
print(gc.is_tracked(Node(1)), gc.get_threshold())
gc.disable()
ring(50)
print(gc.collect())
gc.enable()
