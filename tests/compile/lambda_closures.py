adders = [lambda x, n=n: x + n for n in range(3)]
print([a(10) for a in adders])


def outer():
    k = 5
    return lambda x: x * k


print(outer()(3))
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, abs)(-4))
