# Builtins against CPython 3.11: NotImplemented in a boolean context,
# __import__'s ImportWarning, compile()'s flag checks, dir() with a mapping
# for locals, exec(closure=...), input() without its streams, iterator
# __reduce__ after a builtins key ran code, dict views with iterables and
# deeply nested view reprs, iter() of a callable instance.
import builtins
import sys
import warnings
from types import CellType


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(bool(NotImplemented), not NotImplemented)
    if NotImplemented:
        print('true')
    print(NotImplemented and 1, NotImplemented or 2)
print(len(w), sorted({str(x.message) for x in w}), {x.category.__name__ for x in w})

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    show(lambda: __import__('', {'__package__': None, '__spec__': None, '__name__': '__main__'},
                            {}, ('foo',), 1))
print([(x.category.__name__, str(x.message)) for x in w])

show(lambda: compile('print(42)\n', '<string>', 'single', 0xff))
show(lambda: compile('1', 's', 'exec', 0, 0, 5))
show(lambda: compile('1', 's', 'exec', 0x1000 | 0x200) is not None)


class M:
    def __getitem__(self, key):
        if key == 'a':
            return 12
        raise KeyError

    def keys(self):
        return list('zyx')


g = {}
print(eval('a', g, M()), eval('dir()', g, M()))
show(lambda: eval('b', g, M()))


def outer():
    a = 2
    b = 3

    def inner():
        nonlocal a, b
        return a * b, result
    return inner


inner = outer()
result = 'r'


def no_free():
    return 1


code = compile('global out\nout = inner()', 's', 'exec')
show(lambda: exec(inner.__code__, globals(), closure=inner.__closure__))
show(lambda: exec(inner.__code__, globals(), closure=(CellType(5), CellType(7))))
show(lambda: exec(inner.__code__, globals()))
show(lambda: exec(inner.__code__, globals(), closure=None))
show(lambda: exec(inner.__code__, globals(), closure=[CellType(5), CellType(7)]))
show(lambda: exec(inner.__code__, globals(), closure=(CellType(5), 7)))
show(lambda: exec(no_free.__code__, globals(), closure=(CellType(5),)))
show(lambda: exec('x = 1', globals(), closure=(CellType(5),)))
exec(code, globals())
print(out)

saved = sys.stdout, sys.stdin
try:
    del sys.stdout
    try:
        input('prompt')
    except RuntimeError as e:
        err1 = str(e)
    sys.stdout = saved[0]
    del sys.stdin
    try:
        input('prompt')
    except RuntimeError as e:
        err2 = str(e)
finally:
    sys.stdout, sys.stdin = saved
print(err1, '|', err2)

orig = {'iter': iter, 'reversed': reversed}
builtins_dict = vars(builtins)


def run(name, it):
    class CustomStr:
        def __init__(self, name, iterator):
            self.name = name
            self.iterator = iterator

        def __hash__(self):
            return hash(self.name)

        def __eq__(self, other):
            list(self.iterator)
            return other == self.name

    del builtins_dict[name]
    builtins_dict[CustomStr(name, it)] = orig[name]
    r = it.__reduce__()
    return (r[0].__name__,) + r[1:]


try:
    print(run('iter', iter('xyz')))
    print(run('iter', iter([1, 2, 3])))
    print(run('reversed', orig['reversed'](list(range(8)))))
    print(run('iter', iter((1, 2))))
    print(run('iter', iter(tuple[int])))
finally:
    for key, func in orig.items():
        try:
            del builtins_dict[key]
        except KeyError:
            pass
        builtins_dict[key] = func

origin = {1: 2, 3: 4}
print(origin.keys() & iter([1, 2]), origin.keys() | iter([1, 2]), origin.keys() ^ iter([1, 2]),
      origin.keys() - iter([1, 2]), origin.items() & iter([(1, 2)]), range(3) - origin.keys())
show(lambda: {}.keys() & 1)
d = {}
d[42] = d.values()
print(repr(d))
d = {}
for i in range(sys.getrecursionlimit() + 100):
    d = {42: d.values()}
show(lambda: repr(d))


class CallableIter:
    def __init__(self):
        self.i = 0

    def __call__(self):
        self.i += 1
        return self.i


print(list(iter(CallableIter(), 5)), callable(CallableIter()), callable(CallableIter))


def spam():
    if spam.again:
        return 2
    spam.again = True
    list(spam.iterator)
    return 1


spam.again = False
spam.iterator = iter(spam, 2)
show(lambda: next(spam.iterator))
