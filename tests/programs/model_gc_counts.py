import gc
print(gc.collect())
class Node:
    def __init__(self, name):
        self.name = name
        self.ref = None
a = Node("a"); b = Node("b")
a.ref = b; b.ref = a
del a, b
print(gc.collect())
def make_cycle():
    l = []
    l.append(l)
    d = {"self": None}
    d["self"] = d
make_cycle()
print(gc.collect())
class Tree:
    def __init__(self):
        self.children = []
        self.parent = None
    def add(self, c):
        c.parent = self
        self.children.append(c)
t = Tree()
for i in range(3):
    t.add(Tree())
del t
print(gc.collect())
print(gc.collect())
gc.disable(); print(gc.isenabled()); gc.enable(); print(gc.isenabled())
print(gc.get_count()[0] >= 0, len(gc.get_stats()))
x = []
print(gc.is_tracked(x), gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(Node("z")), gc.is_tracked((1, 2)), gc.is_tracked(([],)))
