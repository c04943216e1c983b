import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


def f(c):
    match c:
        case Color.RED:
            return 'red'
        case Color.GREEN:
            return 'green'
        case 'x' | 'y' | 'z':
            return 'axis'
        case 1.5 | -2 | 3j:
            return 'number'
        case b'bytes':
            return 'bytes'


print(f(Color.RED), f(Color.GREEN), f('y'), f(-2), f(b'bytes'), f(0))
