x: int = 1
y: str
z: list[int] = []


def f(a: int, b: 'str' = 'x', *c: int, d: float = 1.0, **e: dict) -> bool:
    v: int = 3
    return True


class K:
    attr: int = 0
    other: str


print(__annotations__, f.__annotations__, K.__annotations__)
