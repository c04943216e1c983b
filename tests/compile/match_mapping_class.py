class Point:
    __match_args__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y


def f(v):
    match v:
        case {'kind': 'circle', 'r': r}:
            return f'circle {r}'
        case {'kind': k, **rest}:
            return f'{k} {rest}'
        case Point(0, 0):
            return 'origin'
        case Point(x=0, y=yy):
            return f'y axis {yy}'
        case Point(a, b) if a == b:
            return 'diagonal'
        case Point(x, y) as p:
            return f'point {x} {y} {p.x}'
        case str() | bytes():
            return 'text'
        case int(n):
            return f'int {n}'


print(f({'kind': 'circle', 'r': 1}), f({'kind': 'sq', 's': 2}), f(Point(0, 0)))
print(f(Point(0, 5)), f(Point(2, 2)), f(Point(1, 2)), f('s'), f(3))
