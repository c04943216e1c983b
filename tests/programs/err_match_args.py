# Too many positional sub-patterns: TypeError with the pattern underlined.


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def describe(p):
    match p:
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Point(x, y, z):
            return "three?"


print(describe(Point(1, 0)))
print(describe(Point(1, 2)))
