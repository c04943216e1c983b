def f():
    return [1, 2, 3

def g():
    pass
