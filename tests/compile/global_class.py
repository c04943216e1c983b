x = 1


class C:
    x = 2
    y = x + 1

    def m(self):
        return x

    def n(self):
        global x
        x = 5
        return x


class D:
    def f(self):
        return D


print(C.y, C().m(), C().n(), x, D().f())
