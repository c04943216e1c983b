def check(xs):
    assert len(xs) > 2, f"need more than 2, got {len(xs)}"
    return xs
check([1, 2, 3])
check([1])
