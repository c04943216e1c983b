# The examples of the lesson Pith teaches.
x = 10 + 20
print(x)
a = 3
b = 4
c = a + b
print(c)

def f():
    print("in f")
    return 1

def g():
    return f() + 1

print(g())

def test(a, b):
    c = a + b
    return c

print(test(2, 3))
print(test("py", "th"))
print(type(f.__code__).__name__, f.__code__.co_name, f.__code__.co_argcount, test.__code__.co_varnames)
print(test.__code__.co_consts, f.__code__.co_names, test.__code__.co_nlocals)
print(f.__code__)
print(f)
