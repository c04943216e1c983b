# The lesson's stack: [3], [3, 4], [7], [].
def f():
    a = 3
    b = 4
    c = a + b
    return c

print(f())
