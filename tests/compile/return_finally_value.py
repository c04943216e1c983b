def f():
    try:
        return 'try'
    finally:
        print('finally runs')


def g():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue


def h():
    x = 0
    try:
        x = 1
        return x
    finally:
        x = 2


print(f(), g(), h())
