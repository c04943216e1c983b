def gen(n):
    yield n
    yield from range(n)
    received = yield
    return received


async def coro(aws):
    async for item in aws:
        await item
    return [x async for x in aws]


async def agen():
    yield 1


def matcher(value):
    match value:
        case {"k": v, **rest}:
            return v, rest
        case [1, 2, *others]:
            return others
        case Point(x=0, y=yy) if yy > 0:
            return yy
        case str() | bytes():
            return "text"
        case 1 | 2 | None:
            return "small"
        case _:
            return None


def loops(items):
    total = 0
    for i in items:
        while i:
            i -= 1
            if i is None:
                continue
            total += i
    return total if total is not None else -1


def cond(a, b):
    return (a and b) or (not a and not b) or a is None or b is not None


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    class Inner:
        def deep(self):
            def deeper():
                return __class__
            return deeper
