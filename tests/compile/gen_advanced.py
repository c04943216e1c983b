def accum():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value


def chain(*its):
    for it in its:
        yield from it


g = accum()
next(g)
g.send(5)
g.send(6)
try:
    g.send(None)
except StopIteration as e:
    print(e.value)
print(list(chain([1], (2, 3))))
