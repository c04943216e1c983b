def f(a, b):
    # type: (int, str) -> None
    x = []  # type: list
    return None


for i in range(1):  # type: int
    pass
with open(__file__) as fh:  # type: ignore
    pass
print(f(1, 'b'))
