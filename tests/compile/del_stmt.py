a = 1
b = [1, 2, 3]
c = {'k': 1}


class O:
    pass


o = O()
o.attr = 1
del a
del b[0], c['k']
del o.attr
x, y = 1, 2
del (x, y)
print(b, c)


def f():
    z = 1
    del z
