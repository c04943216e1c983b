import itertools as it
from itertools import *
print(list(islice(count(), 5)), list(islice(count(2.5, 0.5), 3)))
c = count(5); print(c, next(c), c, count(1, 2), repeat('a', 3), repeat('a'))
print(list(islice(cycle('abc'), 7)), list(repeat(1, 3)))
print(list(accumulate([1,2,3,4])), list(accumulate([1,2,3], lambda a,b: a*b)), list(accumulate([1,2], initial=10)))
print(list(chain('ab', [1, 2])), list(chain.from_iterable(['ab', 'cd'])))
print(list(compress('ABCDEF', [1,0,1,0,1,1])))
print(list(dropwhile(lambda x: x<5, [1,4,6,4,1])), list(takewhile(lambda x: x<5, [1,4,6,4,1])))
print(list(filterfalse(lambda x: x%2, range(10))), list(filterfalse(None, [0, 1, '', 'a'])))
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')])
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)), list(islice('ABCDEFG', 0, None, 2)))
print(list(pairwise('ABCDEFG')), list(pairwise('A')))
print(list(starmap(pow, [(2,5), (3,2), (10,3)])))
a, b = tee(range(5)); print(list(a), list(b))
a, b, c = tee('xyz', 3); print(next(a), list(b), list(a), list(c))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')))
print(list(product('AB', 'xy')), list(product(range(2), repeat=3)))
print(list(permutations('ABC', 2)), list(permutations(range(3))))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)))
print(list(combinations_with_replacement('ABC', 2)))
print(list(product()), list(permutations([], 0)), list(combinations([], 0)), list(combinations('ab', 3)))
print(type(c), chain, type(groupby('a')), isinstance(c, count))
g = groupby([1,1,2,2,3]); k1, g1 = next(g); k2, g2 = next(g); print(list(g1), list(g2))
class MyCount(count): pass
m = MyCount(3); print(m, next(m))
print(it.__name__, repr(chain('a'))[:26])
for name in ["it.count('a')", "it.cycle()", "it.repeat()", "it.islice([],-1)", "it.combinations([],-1)", "it.tee([],-1)", "it.chain.from_iterable()"]:
    try: eval(name)
    except Exception as e: print(type(e).__name__, e)
# laziness and infinite sources
print(list(islice(zip_longest(count(), 'ab'), 4)))
print(next(dropwhile(lambda x: x < 1000, count())))
print(list(islice(accumulate(repeat(2)), 4)))
print(list(islice(chain.from_iterable(repeat('ab')), 5)))
def gen():
    yield 1
    raise ValueError('boom')
try:
    list(chain(gen()))
except ValueError as e:
    print('caught', e)
x = tee(iter(range(200)), 2)
print(sum(x[0]), sum(x[1]))
print(sorted(map(tuple, map(sorted, combinations(range(5), 2))))[:3])
