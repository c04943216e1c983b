def f():
    return 1
    print('never')


def g(x):
    if 0:
        print('no')
    if 1:
        print('yes')
    while 0:
        print('loop')
    if x:
        return 2
    else:
        return 3


def h():
    raise ValueError
    x = 1


print(f(), g(0))
