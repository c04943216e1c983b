# A temporary passed to a builtin is finalized as the call returns.
class N:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def f(x):
    return 1


print("A", f(N(1)))
print("B", id(N(2)) > 0)
print("C", len([N(3)]))
N(4)
print("D")
print("E", isinstance(N(5), N), type(N(6)).__name__)
print("F", sorted([N(7), N(8)], key=lambda n: -n.n)[0].n)
print("G", repr(N(9))[:12])
print("H", [N(11), N(10)][0].n)


def scope():
    a = N(20)
    b = N(21)
    c = N(22)
    return 1.5


scope()
print("I")


class Chatty:
    def __init__(self, n, child=None):
        self.n = n
        self.child = child

    def __del__(self):
        # A call inside __del__ must not run the finalizers of the objects
        # that died together with this one before it returns.
        print("del chatty", self.n, len(str(self.n)))


def group():
    x = Chatty(1)
    y = Chatty(2)
    z = Chatty(3, Chatty(4))


group()
print("J")
items = [Chatty(5), Chatty(6)]
items = None
print("K")
