# The builtins namespace lists its names in CPython's insertion order
# (module attributes, functions, constants and types, exceptions, open,
# then the names `site` adds, left out here).
import builtins

names = list(vars(builtins))
names = names[: names.index("open") + 1]
print(len(names))
for i in range(0, len(names), 8):
    print(" ".join(names[i : i + 8]))
print(__builtins__ is builtins, builtins.__spec__.name, builtins.__loader__.__name__)
