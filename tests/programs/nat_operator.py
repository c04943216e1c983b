import _operator as o
def check(f):
    try:
        print(repr(f()))
    except Exception as ex:
        print(type(ex).__name__, ex)
check(lambda: o.itemgetter())
check(lambda: o.itemgetter(x=1))
check(lambda: o.attrgetter(1))
check(lambda: o.attrgetter())
check(lambda: o.methodcaller())
check(lambda: o.methodcaller(1))
check(lambda: o.itemgetter(1)(1, 2))
check(lambda: o.itemgetter(1)())
check(lambda: o.attrgetter("a")(1))
check(lambda: o.methodcaller("zz")(1))
check(lambda: o.itemgetter(5)([1]))
check(lambda: o.attrgetter("a..b"))
print(repr(o.itemgetter(1, 'a')), repr(o.attrgetter('a.b', 'c')), repr(o.methodcaller('f', 1, k=2)), o.itemgetter, o.attrgetter('real')(3), o.attrgetter('real', 'imag')(3))
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=o.itemgetter(1)), o.itemgetter(0, 2)('abc'), o.methodcaller('split', ',', maxsplit=1)('a,b,c'))
class P:
    def __init__(self): self.q = self; self.v = 7
print(o.attrgetter('q.q.v')(P()), o.itemgetter('k')({'k': 9}), o.methodcaller('upper')('x'))
