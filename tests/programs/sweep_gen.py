def countdown(n):
    while n > 0:
        yield n
        n -= 1
print(list(countdown(5)), sum(countdown(100)))
def gen_send():
    total = 0
    while True:
        x = yield total
        if x is None: break
        total += x
g = gen_send(); next(g)
print(g.send(5), g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print("stop", e.value)
def deleg():
    r = yield from inner()
    print("inner returned", r)
    yield "after"
def inner():
    yield 1
    yield 2
    return "done"
print(list(deleg()))
def fibg():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import math
it = fibg()
print([next(it) for _ in range(10)])
sq = (x * x for x in range(10) if x % 2)
print(type(sq).__name__, list(sq), list(sq))
print({x: x ** 2 for x in range(5)}, {x % 3 for x in range(10)}, [(i, j) for i in range(3) for j in range(i)])
print([[j for j in range(i)] for i in range(4)], [x for x in "abc" if x != "b"])
e = enumerate("abc", 1); print(next(e), list(e))
z = zip([1, 2, 3], "ab"); print(list(z))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])), list(filter(None, [0, 1, "", "x", None])))
print(any(x > 3 for x in [1, 5]), all([]), any([]), all(x for x in [1, 0]))
r = reversed([1, 2, 3]); print(list(r), list(reversed(range(5))), list(reversed("abc")))
it = iter([1, 2, 3]); print(next(it), next(it), next(it), next(it, "end"))
class Range3:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        if self.i >= 3: raise StopIteration
        self.i += 1
        return self.i
print(list(Range3()), [x for x in Range3()], sum(Range3()))
class Seq:
    def __getitem__(self, i):
        if i > 4: raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq())
print(sorted([3, 1, 2], reverse=True), sorted("bca"), sorted([(1, 'b'), (1, 'a'), (0, 'z')]))
data = [{"n": "x", "a": 3}, {"n": "y", "a": 1}, {"n": "z", "a": 2}]
print([d["n"] for d in sorted(data, key=lambda d: d["a"])])
print(list(range(10))[2:8:2], list(range(10, 0, -3)), range(5)[-1], range(0, 10, 2).index(4), len(range(0, 100, 7)))
def chain(*its):
    for it in its: yield from it
print(list(chain([1], (2, 3), "ab")))
gen = (i for i in range(3))
print(next(gen), list(gen), next(gen, None))
def squares():
    yield from (i * i for i in range(4))
print(list(squares()))
print(list(zip(*[(1, 'a'), (2, 'b')])), dict(zip("abc", range(3))), list(enumerate([])))
x = [1, 2, 3]
a, *b = x; *c, d = x; e, (f, g) = 1, (2, 3)
print(a, b, c, d, e, f, g)
first, second, *_ = "hello"
print(first, second, _)
