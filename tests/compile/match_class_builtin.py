from dataclasses import dataclass


@dataclass
class P:
    x: int
    y: int


def f(v):
    match v:
        case P(x=0, y=0):
            return 'origin'
        case P(x=x, y=0):
            return f'x-axis {x}'
        case P(0, y):
            return f'y-axis {y}'
        case list([a, b]):
            return ('list2', a, b)
        case dict():
            return 'dict'
        case bool(b):
            return ('bool', b)
        case _:
            return 'other'


print(f(P(0, 0)), f(P(3, 0)), f(P(0, 4)), f([1, 2]), f({}), f(True), f(None))
