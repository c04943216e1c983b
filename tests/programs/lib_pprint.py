# pprint dispatches on type(obj).__repr__: each builtin class's special-method
# wrappers are objects of their own (dict.__repr__ is not list.__repr__).
import collections
import pprint
import types

d = {f"key{i}": list(range(i)) for i in range(8)}
pprint.pprint(d)
pprint.pprint([d, {"x": "y" * 70}], width=60)
pprint.pprint((tuple(range(30)), frozenset(range(25)), set("abcdefghijklmnopqrstuvwxyz")))
pprint.pprint(types.MappingProxyType({"long" * 10: 1, "other" * 10: 2}))
pprint.pprint(collections.OrderedDict((str(i) * 15, i) for i in range(5)))
pprint.pprint(collections.Counter("abracadabra" * 3), width=30)
pprint.pprint(["x" * 50, b"y" * 50, bytearray(b"z" * 50)], width=40)
print(pprint.pformat({"a": 1, "b": [1, 2, 3]}, indent=4, width=10))
print(dict.__repr__ is dict.__repr__, dict.__repr__ is list.__repr__,
      types.MappingProxyType.__repr__ is dict.__repr__, int.__add__ == int.__add__)
