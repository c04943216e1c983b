def a():
    b()
def b():
    try:
        c()
    except ZeroDivisionError:
        print("logging and re-raising")
        raise
def c():
    return 1 / 0
a()
