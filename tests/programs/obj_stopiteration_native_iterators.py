# A StopIteration raised by a function that map() or filter() calls ends
# the iteration, as a NULL from tp_iternext does in CPython; `yield from`
# takes its value.
def upto3(x):
    if x < 3:
        return x
    raise StopIteration(444)


def small(x):
    if x > 4:
        raise StopIteration("done")
    return x % 2


def delegate():
    got = yield from map(upto3, range(100))
    print("yield from gave", got)


print(list(delegate()))
for x in map(upto3, range(10)):
    print("for", x)
print(list(map(upto3, range(10))), sum(map(upto3, range(10))))
print([x for x in map(upto3, range(10))], sorted(map(upto3, range(10))))
print(list(filter(small, range(10))))
print(list(map(lambda a, b: upto3(a + b), range(5), range(5))))
print(dict(zip("abc", map(upto3, range(10)))))


# A generator's throw() hands a delegate that is not a generator its
# arguments as given, unchecked.
class Iter:
    def __iter__(self):
        return self

    def __next__(self):
        return 1

    def throw(self, *args):
        print("throw got", args)
        if args and args[0] is KeyError:
            raise StopIteration("finished")
        return 456


def outer():
    r = yield from Iter()
    print("outer resumed with", r)
    yield "after"


for args in ((123,), (ZeroDivisionError,), (ValueError, 5), (ValueError, 5, None), (1, 2, 3)):
    g = outer()
    next(g)
    print(g.throw(*args))
g = outer()
next(g)
print(g.throw(KeyError))
g = outer()
next(g)
g.close()
print("closed without throw")
g = outer()
next(g)
try:
    g.throw(GeneratorExit)
except GeneratorExit:
    print("GeneratorExit went into the frame")
