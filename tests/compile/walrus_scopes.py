def f(xs):
    if any((hit := x) > 2 for x in xs):
        return hit
    return None


def g():
    return [(y := i) for i in range(3)], y


print(f([1, 3, 5]), g())
total = 0
print([total := total + v for v in [1, 2, 3]], total)
