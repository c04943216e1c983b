from _collections import deque, defaultdict
from itertools import *
from _functools import partial, reduce
class MyDeque(deque):
    def __init__(self, it):
        super().__init__(it, maxlen=3)
    def total(self):
        return sum(self)
m = MyDeque(range(5)); print(m, m.total(), len(m), isinstance(m, deque), m.maxlen)
class Z(defaultdict):
    def __missing__(self, k):
        return 42
z = Z(list); print(z['x'], z)
d = deque([3, 1, 2]); print(sorted(d), max(d), sum(d), list(reversed(d)), d.index(1), [x * 2 for x in d])
print(list(list(g) for k, g in groupby([1, 2, 3, 4, 5], key=lambda x: x // 2)))
print(list(islice(count(1, 0.5), 3)), list(zip(count(), 'ab')), dict(zip('ab', repeat(0))))
print(list(starmap(lambda *a: a, [[1, 2], (3,)])), list(chain(*[[1], [2, 3]])))
print(reduce(lambda a, b: a + [b], 'abc', []), partial(partial, print)('x', sep='-'))
it = iter([1, 2, 3, 4]); a, b = tee(it); next(a); print(list(zip(a, b)))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([], initial=5)))
print(list(compress(count(), [0, 1, 1, 0, 1])), list(filterfalse(str.isdigit, 'a1b2')))
p = partial(int, base=2); print(p('101'), p.keywords, repr(p))
class P(partial):
    def __call__(self, *a):
        return ('sub', super().__call__(*a))
print(P(len)('abc'))
print(len(list(permutations(range(5)))), len(list(combinations(range(10), 4))), len(list(product('ab', repeat=4))))
print(list(pairwise([])), list(zip_longest()), list(chain()), list(islice([], 0)))
dd = defaultdict(set); dd['a'].add(1); dd['b']; print(dd, len(dd), dd.default_factory is set)
dd.default_factory = None
try:
    dd['c']
except KeyError as e:
    print('KeyError', e)
e = deque(maxlen=2); e.extend([1, 2, 3]); e.appendleft(0); print(e, e == deque([0, 2]), e != deque([0, 2], maxlen=5))
