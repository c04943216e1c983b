# next() and `yield from` keep the StopIteration a Python __next__ or a
# generator's return ends with; wrappers that end through PyIter_Next
# (chain, iter(callable, sentinel)) drop it, as in CPython.
import itertools


class It:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration(7, 8)


class Sub(It):
    pass


def g():
    return 5
    yield


def g_none():
    return None
    yield


def g_tuple():
    return (1, 2)
    yield


def show(label, f):
    try:
        f()
    except StopIteration as e:
        print(label, repr(e), e.value, e.args)


show('instance', lambda: next(It()))
show('dunder', lambda: It().__next__())
show('subclass', lambda: next(Sub()))
show('generator', lambda: next(g()))
show('send', lambda: g().send(None))
show('gen none', lambda: next(g_none()))
show('gen tuple', lambda: next(g_tuple()))
show('callable iter', lambda: next(iter(It().__next__, None)))
show('chain', lambda: next(itertools.chain(It())))
show('zip', lambda: next(zip(It())))
show('map', lambda: next(map(str, g())))
show('filter', lambda: next(filter(None, It())))
show('enumerate', lambda: next(enumerate(It())))
show('list iter', lambda: next(iter([])))
print(next(It(), 'default'), next(map(str, g()), 'default'))


def delegate(it):
    r = yield from it
    print('yield from gave', r)
    return r


show('yield from instance', lambda: next(delegate(It())))
show('yield from map', lambda: next(delegate(map(str, g()))))
show('yield from chain', lambda: next(delegate(itertools.chain(It()))))
print(list(It.__iter__(It())) if False else 'done')
