def gen():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print('closed')
        raise
    finally:
        print('cleanup')


g = gen()
print(next(g))
g.close()


def gen2():
    for i in range(3):
        try:
            yield i
        except ValueError:
            yield 'caught'


h = gen2()
print(next(h), h.throw(ValueError), next(h))
