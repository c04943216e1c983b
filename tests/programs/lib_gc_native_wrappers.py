# The cycle collector walks what native objects hold: descriptors, itertools
# iterators, functools and operator objects, deques, defaultdict factories.
import collections
import functools
import gc
import itertools
import operator
import types
import weakref


class Node:
    pass


def freed_when_dropped(make):
    """A cycle node -> node.__dict__ -> wrapper -> list -> node is freed."""

    def build():
        box = []
        node = Node()
        box.append(node)
        node.held = make(box)
        return weakref.ref(node)

    gc.collect()
    ref = build()
    gc.collect()
    return ref() is None


wrappers = {
    "classmethod": lambda c: classmethod(lambda cls: c),
    "staticmethod": lambda c: staticmethod(lambda: c),
    "property": lambda c: property(lambda s: c),
    "property doc": lambda c: property(None, None, None, c),
    "mappingproxy": lambda c: types.MappingProxyType({"k": c}),
    "partial args": lambda c: functools.partial(print, c),
    "partial keywords": lambda c: functools.partial(print, x=c),
    "partial of partial": lambda c: functools.partial(functools.partial(print, c), 1),
    "cmp_to_key": lambda c: functools.cmp_to_key(lambda a, b: 0)(c),
    "lru_cache": lambda c: functools.lru_cache()(lambda: c),
    "lru_cache bounded": lambda c: functools.lru_cache(4)(lambda: c),
    "methodcaller": lambda c: operator.methodcaller("f", c),
    "methodcaller kw": lambda c: operator.methodcaller("f", k=c),
    "itemgetter": lambda c: operator.itemgetter(c),
    "deque": collections.deque,
    "deque iterator": lambda c: iter(collections.deque(c)),
    "defaultdict factory": lambda c: collections.defaultdict(lambda: c),
    "count": lambda c: (itertools.count(), c),
    "repeat": itertools.repeat,
    "cycle": itertools.cycle,
    "chain": itertools.chain,
    "chain.from_iterable": lambda c: itertools.chain.from_iterable([c]),
    "accumulate": itertools.accumulate,
    "compress": lambda c: itertools.compress(c, [1]),
    "takewhile": lambda c: itertools.takewhile(bool, c),
    "dropwhile": lambda c: itertools.dropwhile(bool, c),
    "filterfalse": lambda c: itertools.filterfalse(None, c),
    "groupby": itertools.groupby,
    "groupby key": lambda c: itertools.groupby([1], key=lambda x: c),
    "islice": lambda c: itertools.islice(c, 5),
    "pairwise": itertools.pairwise,
    "starmap": lambda c: itertools.starmap(str, c),
    "zip_longest": lambda c: itertools.zip_longest(c, c),
    "product": itertools.product,
    "permutations": itertools.permutations,
    "combinations": lambda c: itertools.combinations(c, 1),
    "combinations_with_replacement": lambda c: itertools.combinations_with_replacement(c, 1),
    "tee": lambda c: itertools.tee(c)[0],
}
for name, make in wrappers.items():
    print(f"{name}: {freed_when_dropped(make)}")

# What is still reachable survives a collection, also through shared state.
kept = [1, 2, 3]
partial = functools.partial(print, kept)
again = functools.partial(partial, 4)
cached = functools.lru_cache(2)(lambda x: [x, kept])
cached(1)
left, right = itertools.tee(iter(kept))
print(next(left))
group = itertools.groupby("aabbb")
key, members = next(group)
prop = property(lambda self: kept)
gc.collect()
print(partial.args, again.args, cached(1), cached.cache_info())
print(list(left), list(right), key, list(members))
print(prop.fget(None), gc.is_tracked(prop))
