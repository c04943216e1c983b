# The __class__ cell: filled before a metaclass's mro() runs, and
# __build_class__'s checks when a metaclass drops or misuses __classcell__.

seen = []


class Meta(type):
    def mro(self):
        self.__dict__["f"]()
        return super().mro()


class A(metaclass=Meta):
    def f():
        seen.append(__class__)


print(seen[0] is A)


class Dropper(type):
    def __new__(cls, name, bases, namespace):
        namespace.pop("__classcell__", None)
        return super().__new__(cls, name, bases, namespace)


class Fine(metaclass=Dropper):
    pass


try:

    class WithRef(metaclass=Dropper):
        def f(self):
            return __class__

except RuntimeError as e:
    print(type(e).__name__, e)


class Twice(type):
    def __new__(cls, name, bases, namespace):
        cls = super().__new__(cls, name, bases, namespace)
        type("B", (), namespace)
        return cls


try:

    class Wrong(metaclass=Twice):
        def f(self):
            return __class__

except TypeError as e:
    print(type(e).__name__, str(e).split(" at ")[0].split("'B'")[0])


class X:
    def meth(self):
        super()


def outer():
    k = X()

    def g():
        return k

    return g


c = outer().__closure__[0]
try:
    X.meth(c)
except TypeError as e:
    print(e)
try:
    super(int, int, int)
except TypeError as e:
    print(e)
