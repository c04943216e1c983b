# Code objects are values: their fields are what the compiler decided.
def f():
    print("in f")
    return 1

def test(a, b):
    c = a + b
    return c

print(type(f.__code__).__name__, f.__code__.co_name, f.__code__.co_argcount, test.__code__.co_varnames)
print(test.__code__.co_consts, f.__code__.co_names, test.__code__.co_nlocals)
