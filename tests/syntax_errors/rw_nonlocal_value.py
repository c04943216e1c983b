def f():
    nonlocal x = 1
