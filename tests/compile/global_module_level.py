global x
x = 1


def f():
    global x
    del x


f()
print('x' in globals())
