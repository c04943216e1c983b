def outer(x):
    y = x * 2

    def inner(z):
        return x + y + z

    return inner


def counter():
    n = 0

    def inc():
        nonlocal n
        n += 1
        return n

    return inc


c = counter()
c()
print(c(), outer(1)(2))
