def f(seq):
    match seq:
        case [first, *_, last]:
            return first, last
        case [*_, only]:
            return only
        case [*_]:
            return 'empty'


def g(seq):
    match seq:
        case [a, b, *rest] if rest:
            return a, b, rest
        case [*start, x, y]:
            return start, x, y


print(f([1, 2, 3]), f([5]), f([]), g([1, 2, 3]), g([1, 2]))
