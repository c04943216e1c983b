if x:  # type: int
    pass
