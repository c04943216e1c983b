# The lesson's call stack: Frame g, then Frame f on top of it.
def f():
    print("in f")
    return 1

def g():
    return f() + 1

print(g())
