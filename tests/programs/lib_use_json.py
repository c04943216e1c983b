import json
data = {"name": "Ann", "age": 30, "tags": ["a", "b"], "nested": {"x": 1.5, "y": None, "z": True}, "uni": "héllo ☃"}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, indent="\t", ensure_ascii=False))
print(json.dumps([1, 2, [3, 4]], separators=(",", ":")), json.dumps("a\"b\\c\n\u0001"), json.dumps(1e100), json.dumps(float("inf")))
s = '{"a": [1, 2.5, "x", null, true, false], "b": {"c": "\\u00e9"}}'
obj = json.loads(s); print(obj, type(obj["a"][1]))
print(json.loads("[1e5, -0.0, 12345678901234567890]"))
from collections import OrderedDict
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
print(json.loads('{"v": 1.1}', parse_float=str))
class E(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1, 2}}, cls=E))
try:
    json.dumps({"s": {1}})
except TypeError as e:
    print("TypeError:", e)
for bad in ['{"a": 1,}', '[1, 2', 'nul', '{"a" 1}', '']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e, e.pos, e.lineno, e.colno)
print(json.dumps({1: "a", 2.5: "b", None: "c", True: "d"}), json.dumps({"k": (1, 2)}, default=str))
import io
buf = io.StringIO(); json.dump({"q": [1, {"r": 2}]}, buf, indent=1); print(buf.getvalue())
print(json.load(io.StringIO('{"z": [3]}')))
print(json.dumps(data, skipkeys=True, indent=4, separators=(",", ": ")))
