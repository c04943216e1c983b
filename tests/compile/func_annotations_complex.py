from typing import List, Optional


def f(x: List[int], y: Optional[str] = None, *args: int, z: 'int' = 3, **kw: dict) -> List[str]:
    return [str(x), str(y), str(args), str(z), str(kw)]


async def g(a: int) -> None:
    pass


print(f([1]), f.__annotations__, g.__annotations__)
