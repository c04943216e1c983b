def f():
    s = "abc
    return s
