# Freeing a long chain of instances must not recurse in Rust once per node.
class Node:
    def __init__(self, v, n):
        self.v = v
        self.next = n
class Slot:
    __slots__ = ("v", "next")
    def __init__(self, v, n):
        self.v = v
        self.next = n
class Loud:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
for cls in (Node, Slot):
    head = None
    for i in range(50000):
        head = cls(i, head)
    print(cls.__name__, head.v, head.next.v)
    head = None
    print("freed")
head = None
for i in range(3000):
    head = Node(i, head)
tail = head
while tail.next is not None:
    tail = tail.next
tail.next = Loud("end")
head = None
tail = None
print("done")
