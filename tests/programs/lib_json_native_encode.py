# _json's encoder: scalars, containers, separators, sort_keys, skipkeys,
# subclasses, escaping, chunking and the encoder object.
import json
import _json
from collections import OrderedDict

print(json.encoder.c_make_encoder is _json.make_encoder)
values = [
    None, True, False, 0, -7, 10**30, 1.5, 0.1, 1e16, 1e-7, 2.0**70, -0.0,
    float('inf'), float('-inf'), float('nan'),
    "plain", "quote\" back\\ slash/ \b\f\n\r\t \x00\x1f\x7f",
    "caf\u00e9 \u4e2d \U0001f600 \u2028",
    [], (), {}, [1, [2, [3]]], (1, 2), {"a": {"b": []}},
]
for v in values:
    print(json.dumps(v), json.dumps(v, ensure_ascii=False))
print(json.dumps({"b": 1, "a": 2, 3: 4.5, None: 1, True: 2, 1.5: 0, False: 9}))
print(json.dumps({"b": 1, "a": [2, 3], "c": {"z": 0, "y": 1}}, sort_keys=True))
print(json.dumps([1, {"a": 2}], separators=(";", "=")))
print(json.dumps({(1,): 2, "a": 1, b"x": 3}, skipkeys=True))
print(json.dumps(OrderedDict([("z", 1), ("a", 2)])))

class F(float):
    def __repr__(self):
        return "F!"

class I(int):
    def __repr__(self):
        return "I!"

class S(str):
    pass

class L(list):
    def __iter__(self):
        return iter([9, 8])

class D(dict):
    def items(self):
        return [("z", 1)]

print(json.dumps([F(1.5), I(3), S("s"), {F(2.5): 1, I(4): 2, S("k"): 3}]))
print(json.dumps([L([1, 2]), D(a=1), D()]))
print(json.dumps(_json.encode_basestring_ascii("a\x00é\U0001f600\"\\")))
print(_json.encode_basestring_ascii("a\x00é\U0001f600\"\\\ud800"))
print(ascii(_json.encode_basestring("a\x00é\U0001f600\"\\\ud800\x1f")))
print(json.dumps("\ud800"), json.dumps("\ud800", ensure_ascii=False) == '"\ud800"')

# The encoder object: its members, and the list of chunks it returns.
enc = _json.make_encoder(None, str, _json.encode_basestring_ascii, None,
                         ':', ',', False, False, True)
print(enc([1, "a", {"k": None}], 0))
print(enc.markers, enc.default, enc.encoder, enc.indent)
print(repr(enc.key_separator), repr(enc.item_separator), enc.sort_keys, enc.skipkeys)
print(hasattr(enc, "allow_nan"))
chunks = enc(list(range(300000)), 0)
print(type(chunks).__name__, len(chunks), [len(c) for c in chunks])
chunks = enc([[i] for i in range(120000)], 0)
print(len(chunks), [len(c) for c in chunks])
custom = _json.make_encoder({}, str, lambda s: "<" + s + ">", None,
                            ': ', ', ', True, False, True)
print(custom({"b": [1, "x"], "a": 2.5, "3": None}, 0))
print(json.dumps({"a": [1, 2]}, indent=2))
print(json.dumps(range(3), default=list))
