with (a as b, c):  # type: int
    pass
