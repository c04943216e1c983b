def f():
    """doc
    pass
