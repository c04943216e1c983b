def f(a, *b):
    return *b, a


def g():
    yield *range(2), 9


print(f(1, 2, 3), list(g()))
x = *range(3),
print(x)
