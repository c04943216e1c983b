# Builtin functions, classes and methods carry CPython's docstrings.
import builtins

print(builtins.__doc__)
print(len.__doc__)
print(int.__doc__)
print(str.join.__doc__)
print(list.append.__doc__)
print([].append.__doc__ == list.append.__doc__)
print(abs.__doc__, sorted.__doc__, sep="\n")
print(dict.__doc__.splitlines()[0], float.__doc__.splitlines()[0], sep="\n")


def mine():
    "Own docstring."


class C:
    pass


print(mine.__doc__, C.__doc__)
