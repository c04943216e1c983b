class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        cls = super().__new__(mcs, name, bases, ns)
        cls.kw = kw
        return cls


class A(metaclass=Meta, flag=True):
    pass


class B(A, metaclass=Meta, other=1):
    pass


bases = (A,)


class C(*bases, **{'metaclass': Meta}):
    pass


print(A.kw, B.kw, C.kw)
