# bool's own __dict__ holds only what bool overrides; the rest it inherits
# from int, and inspect names int as the definer.
import inspect

print(sorted(bool.__dict__))
print("__add__" in bool.__dict__, "from_bytes" in bool.__dict__, "__and__" in bool.__dict__)
print(vars(bool).keys() <= set(dir(bool)))
print(bool.from_bytes(b"\x01", "big"), True.bit_length(), bool.__add__(True, 1))
print(True & False, True | False, True ^ True, repr(True), str(False), True + True)
kinds = {a.name: (a.kind, a.defining_class.__name__) for a in inspect.classify_class_attrs(bool)}
for name in ("__add__", "__and__", "from_bytes", "real", "__new__", "__repr__", "bit_length"):
    print(name, kinds[name])
print(sorted(set(dir(int)) ^ set(dir(bool))))
