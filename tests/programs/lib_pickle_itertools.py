# itertools objects under pickle and copy (3.11 still has __reduce__ and
# __setstate__): the reduce tuples, round trips at every protocol, setters'
# errors, and subclasses whose __init__ takes keywords.
import copy
import operator
import pickle
import warnings
from itertools import (accumulate, chain, combinations,
                       combinations_with_replacement, compress, count, cycle,
                       dropwhile, filterfalse, groupby, islice, permutations,
                       product, repeat, starmap, takewhile, zip_longest)

warnings.simplefilter("ignore")


def strip(x):
    if isinstance(x, tuple):
        return tuple(strip(i) for i in x)
    if isinstance(x, list):
        return [strip(i) for i in x]
    n = type(x).__name__
    if n.endswith("iterator") or n in ("chain", "accumulate", "groupby", "islice"):
        return "<%s>" % n
    return x


def show(it, n=1):
    r0 = strip(it.__reduce__())
    for _ in range(n):
        next(it, None)
    print(type(it).__name__, r0, "|", strip(it.__reduce__()))


show(accumulate([1, 2, 3]))
show(accumulate([1, 2, 3], initial=5))
a = accumulate([None, 1], lambda x, y: y)
next(a)
print(strip(a.__reduce__()))
show(chain("ab", "cd"), 3)
c = chain("ab")
list(c)
print(strip(c.__reduce__()))
show(combinations("abcd", 2), 2)
c = combinations("ab", 2)
list(c)
print(strip(c.__reduce__()))
show(combinations_with_replacement("abc", 2), 2)
show(permutations("abc", 2), 2)
show(product("ab", "cd"), 2)
show(product("ab", repeat=2), 2)
show(compress("abc", [1, 0, 1]))
show(count())
show(count(2.5, 0.5))
show(count(2, 3))
show(cycle("abc"), 4)
show(dropwhile(bool, [1, 0, 1]))
show(takewhile(bool, [1, 0, 1]), 2)
show(filterfalse(None, [0, 1, 0]))
show(islice("abcdef", 1, 5, 2))
i = islice("ab", 1)
list(i)
print(strip(i.__reduce__()))
show(repeat("a", 3))
show(repeat("a"))
show(starmap(pow, [(1, 2)]))
show(zip_longest("a", "bc", fillvalue=0))
z = zip_longest("a", "bc")
list(z)
print(strip(z.__reduce__()))
show(groupby("aabbc"))
g = groupby("aab", key=str.upper)
k, gr = next(g)
print(strip(gr.__reduce__()))
next(g)
print(strip(gr.__reduce__()))

makers = [
    lambda: accumulate([1, 2, 3, 4]),
    lambda: accumulate([1, 2, 3], operator.mul, initial=2),
    lambda: chain("ab", "cd"),
    lambda: combinations("abcd", 2),
    lambda: combinations_with_replacement("abc", 2),
    lambda: permutations("abcd", 2),
    lambda: product("ab", "cd", repeat=2),
    lambda: compress("abcdef", [1, 0, 1, 1, 0, 1]),
    lambda: dropwhile(operator.not_, [0, 0, 2, 3, 0]),
    lambda: takewhile(bool, [1, 2, 3, 0, 1]),
    lambda: filterfalse(None, [0, 1, 0, 2]),
    lambda: islice("abcdefgh", 1, 7, 2),
    lambda: repeat("z", 4),
    lambda: starmap(pow, [(2, 3), (3, 2), (4, 1)]),
    lambda: zip_longest("ab", "cde", fillvalue="-"),
]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for make in makers:
        it = make()
        next(it)
        back = pickle.loads(pickle.dumps(it, proto))
        print(proto, type(back).__name__, list(back), list(copy.copy(it)), list(it))
    for make in (lambda: cycle("abc"), lambda: count(3), lambda: count(1.5, 0.5)):
        it = make()
        next(it)
        back = pickle.loads(pickle.dumps(it, proto))
        print(proto, type(back).__name__, list(islice(back, 6)), list(islice(copy.copy(it), 6)))
    it = groupby("aabbbc")
    next(it)
    print(proto, [(k, list(g)) for k, g in pickle.loads(pickle.dumps(it, proto))])

for s in [(), [], 0, ([],), (iter([]), [])]:
    try:
        chain().__setstate__(s)
    except TypeError as e:
        print(e)
it = chain()
it.__setstate__((iter(["abc", "def"]), iter(["ghi"])))
print(list(it))
for s in ([list("abc"), 0], (tuple("ab"), 0), (list("a"), "x"), (), ([],)):
    try:
        cycle("").__setstate__(s)
    except TypeError as e:
        print(e)
c = cycle("defg")
c.__setstate__((list("abc"), 1))
print(list(islice(c, 8)))
for s in ((1,), [0, 0], ("a", "b")):
    try:
        combinations("abc", 2).__setstate__(s)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
p = permutations("abcd", 2)
p.__setstate__(((3, 2, 1, 0), (1, 1)))
print(list(p))

for cls, args in ((chain, ([1, 2], [3])), (cycle, ([1, 2],)), (islice, ([1, 2, 3], 2)),
                  (takewhile, (bool, [1, 0])), (filterfalse, (None, [0, 1])),
                  (starmap, (pow, [(2, 2)]))):
    class WithInit(cls):
        def __init__(self, *args, newarg=None):
            self.newarg = newarg

    u = WithInit(*args, newarg=3)
    print(cls.__name__, list(islice(u, 3)), u.newarg)

    class Plain(cls):
        pass

    try:
        Plain(*args, newarg=3)
    except TypeError as e:
        print(" ", e)

# A TypeError from __length_hint__ means no hint; _tee(t) copies a tee.
print(operator.length_hint(repeat(None), 12), operator.length_hint(repeat(None, 3), 12))
from itertools import tee
t1, t2 = tee("abc")
t3 = type(t1)(t1)
print(list(t1), list(t2), list(t3))
