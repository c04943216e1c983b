# sys.getsizeof of sets (by table size), ints, instances and classes.
import sys

g = sys.getsizeof


class A:
    def __init__(self):
        self.x = 1
        self.y = 2


class B:
    pass


class C(A):
    pass


class D:
    __slots__ = ('a', '__weakref__')


class E(D):
    pass


class F:
    __slots__ = ('a', 'b', 'c')


class G:
    __slots__ = ()


print(g(A), g(B), g(C), g(D), g(E), g(type), g(int), g(object))
print(g(A()), g(B()), g(E()), g(D()), g(F()), g(G()))
print(g(0), g(False), g(True), g(1), g(2 ** 30), g(2 ** 100))
print(g(set()), g(set(range(4))), g(set(range(5))), g(frozenset(range(100))), g({1, 2, 3, 4, 5, 6}))
s = set(range(100))
sizes = [g(s)]
s.clear()
sizes.append(g(s))
for i in range(30):
    s.add(i)
    sizes.append(g(s))
print(sizes)
s = set(range(50))
for i in range(45):
    s.discard(i)
print(g(s), g(s.copy()), g(s | s), g(set(s)))
