# super().method through the super-method cache: results must follow class
# changes, the instance's class, multiple inheritance and dead classes.

class A:
    def f(self):
        return "A.f"

    def g(self):
        return "A.g"


class B(A):
    def f(self):
        return "B.f>" + super().f()

    def g(self):
        return "B.g>" + super().g()


class C(A):
    def f(self):
        return "C.f>" + super().f()


class D(B, C):
    def f(self):
        return "D.f>" + super().f()


for o in [B(), D(), C(), D(), B()]:
    print(type(o).__name__, o.f(), o.g())

A.f = lambda self: "A.f2"
print(D().f(), B().f())
C.f = lambda self: "C.f2"
print(D().f(), B().f())
del C.f
print(D().f())


def make():
    class E(B):
        def f(self):
            return "E.f>" + super().f()

    return E


for _ in range(3):
    E = make()
    print(E().f())
    del E

# A non-function found through super (a classmethod, a property, data).
class F(B):
    def f(self):
        return super().f

    def h(self):
        return super().g()


class G(F):
    pass


print(F().f()(), G().h())
B.g = classmethod(lambda cls: "B.g cls " + cls.__name__)
print(G().h(), F().h())
B.g = 42
try:
    G().h()
except TypeError as e:
    print("TypeError:", e)


class H(A):
    def f(self):
        return super().missing()


try:
    H().f()
except AttributeError as e:
    print("AttributeError:", e)


class I(A):
    def __init__(self, n):
        super().__init__()
        self.n = n

    def f(self):
        return super().f() + str(self.n)


print([I(k).f() for k in range(3)])
i = I(5)
i.__class__ = B
print(i.f())
