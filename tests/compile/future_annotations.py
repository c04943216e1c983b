from __future__ import annotations


def f(x: int, y: list[str]) -> dict[str, int]:
    return {}


class C:
    a: int
    b: Optional[str] = None


print(f.__annotations__, C.__annotations__)
