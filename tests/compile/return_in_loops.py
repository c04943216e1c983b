def first_even(xs):
    for x in xs:
        if x % 2 == 0:
            return x
    return None


def search(grid, t):
    for row in grid:
        for v in row:
            if v == t:
                return True
    return False


def spin():
    while True:
        return 'done'


print(first_even([1, 3, 4]), search([[1], [2, 3]], 3), spin())
