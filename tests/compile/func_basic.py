def add(a, b):
    return a + b


def greet(name, greeting='hello', *args, sep=' ', **kwargs):
    """Say hello."""
    return greeting + sep + name


def noop():
    pass


print(add(1, 2))
print(greet('bob', sep='-'))
print(noop())
