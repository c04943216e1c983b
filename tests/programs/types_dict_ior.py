d = {"a": 1}
d |= [("b", 2), ["c", 3]]
print(d)
d |= {"z": 0}.items()
print(d)
try:
    d |= [(1, 2, 3)]
except ValueError as e:
    print(e)
try:
    d | [(1, 2)]
except TypeError as e:
    print(e)
print({"a": 1} | {"z": 0}.items())
print({"z": 0}.items() | {"a": 1})
