# _json calling back into Python: object hooks, number parsers, default,
# circular references through markers.
import json
import _json
from collections import OrderedDict
from decimal import Decimal

print(json.loads('{"a": {"b": 1}, "c": [1]}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "a": 2, "b": {}}', object_pairs_hook=lambda p: p))
print(json.loads('{"z": 1, "a": {"y": 2}}', object_pairs_hook=OrderedDict))
print(json.loads('{"a": 1}', object_hook=lambda d: 1, object_pairs_hook=lambda p: 2))
print(json.loads('[1.25, 2, 3e1]', parse_float=Decimal, parse_int=lambda s: ('int', s)))
print(json.loads('[NaN, -Infinity, Infinity]', parse_constant=lambda c: c.lower()))
print(json.loads('[1.5]', parse_float=float), json.loads('[7]', parse_int=int))
seen = []

def hook(d):
    seen.append(len(seen))
    return d

json.loads('[{"a": {"b": {}}}, {}]', object_hook=hook)
print(seen)

def failing(d):
    raise KeyError('from hook')

try:
    json.loads('[{"a": 1}]', object_hook=failing)
except KeyError as e:
    print('KeyError', e)

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

def default(o):
    if isinstance(o, Point):
        return {"x": o.x, "y": o.y}
    if isinstance(o, set):
        return sorted(o)
    raise TypeError(f'no {type(o).__name__}')

print(json.dumps([Point(1, 2), {3, 1, 2}, {"p": Point(0, [Point(5, 6)])}], default=default))

# Circular references: containers and default() results.
a = []
a.append(a)
d = {}
d["self"] = d
for obj in (a, d, [a], {"k": [d]}):
    try:
        json.dumps(obj)
    except ValueError as e:
        print('ValueError', e)

class Node:
    pass

n = Node()
try:
    json.dumps(n, default=lambda o: [o])
except ValueError as e:
    print('ValueError', e)

# The markers dict holds what is being encoded, and is empty afterwards.
markers = {}
observed = []

def peek(o):
    observed.append(len(markers))
    return "P"

enc = _json.make_encoder(markers, peek, _json.encode_basestring_ascii, None,
                         ':', ',', False, False, True)
print(enc([[Node()], {"k": Node()}], 0), observed, markers)
x = [1]
print(json.dumps([x, x, {"a": x}]))

# A default() that changes the list being encoded.
items = [Node(), 2]
print(json.dumps(items, default=lambda o: items.append(3) or "n"))
