# The lesson's first example: how Python runs `x = 10 + 20`.
def add(a, b):
    c = a + b
    return c


x = 10 + 20
print(add(x, 12))
