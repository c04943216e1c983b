def f(n):
    return [[i * j for j in range(n)] for i in range(n)]


def g(xs):
    k = 10
    return {x: [x + k + y for y in xs] for x in xs}


class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]


print(f(3), g([1, 2]), C.doubled)
