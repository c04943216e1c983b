def f(a, /, b: int = 1, *, c) -> list[int]:
    if (n := len(a)) > 10:
        return [y := 1, y**2]
