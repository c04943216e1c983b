def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "done"


def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out


def naturals():
    n = 0
    while True:
        yield n
        n += 1


def primes():
    found = []
    for n in naturals():
        if n > 1 and all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n


print(list(countdown(5)), take(10, primes()), take(3, naturals()))
g = countdown(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value, repr(e))
print(next(g, "default"))


def accumulator():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
    return total


acc = accumulator()
print(next(acc), acc.send(5), acc.send(10))
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.value)


def chain(*its):
    for it in its:
        result = yield from it
        if result:
            print("sub returned", result)


print(list(chain([1, 2], countdown(2), "ab")))
squares = (x * x for x in range(5))
print(squares.__class__.__name__, sum(squares), sum(squares))
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print({c: c.upper() for c in "abc"}, {x % 4 for x in range(10)}, [[0] * 2 for _ in range(2)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*matrix)], [x for row in matrix for x in row])
print(dict(zip("abc", range(3))), list(zip(*[(1, "a"), (2, "b")])))


def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


for i, f in enumerate(fib_gen()):
    if f > 1000:
        print("first fib > 1000 is #%d: %d" % (i, f))
        break
gen = (i for i in range(3))
print(list(gen), list(gen))
x = 10
print([x for x in range(3)], x)


def closed():
    g = countdown(10)
    print(next(g))
    g.close()
    print(next(g, "closed"), next(g, "again"))


closed()


def catcher():
    try:
        yield 1
        yield 2
    except ValueError as e:
        yield f"caught {e}"
    finally:
        print("cleanup")


it = iter([1, 2, 3])
print(next(it), list(it), list(it))
print(list(map(str.upper, ["a", "b"])), list(filter(str.isdigit, "a1b2")), list(range(10, 0, -3)))
r = range(0, 20, 5)
print(r, len(r), r[1], r[-1], 15 in r, 16 in r, list(r[::-1]), r.index(10), range(5)[1:3])
total = 0
for i in range(1, 4):
    for j in range(1, 4):
        if j == 2:
            continue
        if i * j > 6:
            break
        total += i * j
    else:
        print("inner done for", i)
print("total", total)
w = 0
while w < 3:
    w += 1
else:
    print("while else", w)
pairs = sorted(((a, b) for a in range(1, 20) for b in range(a, 20) if (a * a + b * b) ** 0.5 == int((a * a + b * b) ** 0.5)))
print(pairs)
