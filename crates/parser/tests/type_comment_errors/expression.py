f(x)  # type: int
