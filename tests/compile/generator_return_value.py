def gen():
    yield 1
    return 'done'


def wrapper():
    r = yield from gen()
    yield r


print(list(wrapper()))


def empty():
    return
    yield


print(list(empty()))
