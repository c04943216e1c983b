def deco(f):
    return f


def deco_arg(n):
    def wrap(f):
        return f
    return wrap


@deco
def a():
    return 1


@deco_arg(3)
@deco
def b():
    return 2


@deco
class C:
    @staticmethod
    def s():
        return 3

    @property
    def p(self):
        return 4


print(a(), b(), C.s(), C().p)
