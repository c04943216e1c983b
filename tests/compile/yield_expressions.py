def g():
    x = yield
    y = yield x
    z = (yield y) + 1
    yield z


it = g()
next(it)
print(it.send(1), it.send(2), it.send(3))


def h():
    result = yield from range(2)
    return result


print(list(h()))
