# object.__new__'s and object.__init__'s errors for extra arguments
# (bpo-31506): which override the class has decides the message.
class C:
    pass


class D:
    def __new__(cls, *args, **kwargs):
        return super().__new__(cls, *args, **kwargs)


class E:
    def __init__(self, *args):
        pass


class F:
    def __new__(cls, *args):
        return object.__new__(cls)


for f in [lambda: C(42), lambda: C.__new__(C, 42), lambda: C().__init__(42),
          lambda: object.__new__(C, 42), lambda: object.__init__(C(), 42),
          lambda: D(42), lambda: object.__new__(D, 42), lambda: C(x=1)]:
    try:
        f()
        print("ok")
    except TypeError as e:
        print(e)
print(type(object.__new__(E, 1)).__name__, type(F(1)).__name__)
F().__init__(1)
