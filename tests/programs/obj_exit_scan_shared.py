# At exit the interpreter looks for suspended generators and never-awaited
# coroutines among the objects the globals hold. Containers shared by many
# others (a memo table, one row list referenced a thousand times) must be
# looked at once, not once per path: this program ends at once in CPython.
rows = [[0] * 1000 for _ in range(1000)]
views = [rows] * 1000
memo = {i: (rows, views) for i in range(1000)}


def gen():
    yield 1
    yield 2


g = gen()
next(g)
holder = {"views": views, "g": (g,)}
print(len(rows), len(views), len(memo), sum(map(len, rows)))
