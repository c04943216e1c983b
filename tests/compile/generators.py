def gen(n):
    for i in range(n):
        yield i


def gen2():
    yield
    x = yield 1
    yield from gen(3)
    return x


print(list(gen(3)))
print(list(gen2()))
