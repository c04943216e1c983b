class Base:
    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag


class A(Base, tag='a'):
    pass


class B(A, tag='b'):
    pass


mixins = ()


class C(Base, *mixins, tag='c'):
    pass


print(A.tag, B.tag, C.tag)
