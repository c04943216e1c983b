# _testinternalcapi.get_recursion_depth counts the running Python frames
# (test.support.get_recursion_depth builds on it).
import _testinternalcapi as t

print(t.get_recursion_depth())


def f():
    return t.get_recursion_depth()


def g():
    return f()


def rec(n):
    return rec(n - 1) if n else t.get_recursion_depth()


print(f(), g(), rec(10))
print([t.get_recursion_depth() for _ in range(1)])
print(list(map(lambda x: t.get_recursion_depth(), [1])))
print((lambda: (lambda: t.get_recursion_depth())())())
try:
    t.get_recursion_depth(1)
except TypeError as e:
    print("TypeError", e)
