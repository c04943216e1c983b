x = 'global'


class A:
    x = 'class'
    y = [x for _ in range(1)]

    def f(self):
        return x


def outer():
    z = 'outer'

    class B:
        w = z

        def g(self):
            return z

    return B


print(A.y, A().f(), outer().w, outer()().g())
