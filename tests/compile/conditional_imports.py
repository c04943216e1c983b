try:
    import json as j
except ImportError:
    j = None
if j:
    from json import dumps, loads
else:
    dumps = loads = None
print(dumps([1]), loads('[2]'))
