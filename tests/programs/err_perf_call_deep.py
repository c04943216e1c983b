# A traceback through several plain calls, from a small-int operation.
def a(n):
    return b(n - 1) + 1

def b(n):
    return c(n, 0)

def c(n, d):
    return n // d

print(a(3))
