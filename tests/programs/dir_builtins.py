# dir() of builtin values and classes lists CPython's names.
print(dir([]))
print(dir(int) == dir(5), dir("")[:8])
print(dir(dict))
print([n for n in dir(str) if not n.startswith("_")])
print(len(dir(None)) > 0, "__add__" in dir(1.5), "append" in dir(list))
