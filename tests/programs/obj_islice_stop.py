"""StopIteration arguments through itertools: passed on where CPython's tp_iternext calls the inner iterator directly, bare where PyIter_Next clears it."""
from itertools import islice, chain, takewhile, dropwhile, zip_longest, tee, starmap, compress, accumulate, cycle, groupby, pairwise, filterfalse
def gen():
    yield 1
    return "done"
def show(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except StopIteration as e:
        print(label, "StopIteration", e.args, repr(e.value))
    except Exception as e:
        print(label, type(e).__name__, e)
g = gen(); print(next(g)); show("gen", lambda: next(g))
g = gen(); show("islice1", lambda: next(islice(g, 1)))
g = gen(); it = islice(g, 5); next(it); show("islice5", lambda: next(it))
g = gen(); it = islice(g, 0); show("islice0", lambda: next(it))
g = gen(); it = chain(g); next(it); show("chain", lambda: next(it))
g = gen(); it = chain(g, []); next(it); show("chain2", lambda: next(it))
g = gen(); it = takewhile(bool, g); next(it); show("takewhile", lambda: next(it))
g = gen(); it = dropwhile(lambda x: False, g); next(it); show("dropwhile", lambda: next(it))
g = gen(); it = zip(g); next(it); show("zip", lambda: next(it))
g = gen(); it = map(str, g); next(it); show("map", lambda: next(it))
g = gen(); it = filter(None, g); next(it); show("filter", lambda: next(it))
g = gen(); it = enumerate(g); next(it); show("enumerate", lambda: next(it))
g = gen(); a, b = tee(g); next(a); show("tee", lambda: next(a))
g = gen(); it = starmap(lambda *a: a, ((x,) for x in g)); next(it); show("starmap", lambda: next(it))
g = gen(); it = zip_longest(g); next(it); show("zip_longest", lambda: next(it))
g = gen(); it = compress(g, [1, 1]); next(it); show("compress", lambda: next(it))
g = gen(); it = accumulate(g); next(it); show("accumulate", lambda: next(it))
g = gen(); it = groupby(g); next(it); show("groupby", lambda: next(it))
g = gen(); it = pairwise(g); show("pairwise", lambda: next(it))
g = gen(); it = filterfalse(None, g); show("filterfalse", lambda: next(it))
g = gen(); it = cycle(g); next(it); show("cycle", lambda: next(it))
g = gen(); it = iter(g); next(it); show("iter", lambda: next(it))
g = gen(); it = reversed([1]); next(it); show("reversed", lambda: next(it))
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration(1, 2)
show("cls", lambda: next(It()))
show("islice-cls", lambda: next(islice(It(), 3)))
show("chain-cls", lambda: next(chain(It())))
show("map-cls", lambda: next(map(str, It())))
show("zip-cls", lambda: next(zip(It())))
show("list", lambda: list(islice(gen(), 5)))
def outer():
    r = yield from islice(gen(), 5)
    print("yf", r)
show("yieldfrom", lambda: list(outer()))
