# _json's scanner and scanstring: values, white space, escapes, numbers,
# surrogates, shared keys, indices.
import json
import _json

print(json.scanner.make_scanner is _json.make_scanner, json.decoder.scanstring.__module__)
docs = [
    '{"a": [1, 2.5, -3e2, 1E+2, 0.5e-3, true, false, null], "b": {}, "c": []}',
    ' \t\n\r[ 1 , { "k" : [ ] } , "x" ]\n',
    '"\\u00e9\\ud83d\\ude00\\n\\t\\"\\\\\\/\\b\\f\\r"',
    '"caf\u00e9 \u4e2d \U0001f600"',
    '[12345678901234567890123, -0, 0.1, 1e400, -1e400, 123456789012345678]',
    '[NaN, Infinity, -Infinity]',
    '{"a":1,"a":2,"b":3}',
    '"\\ud800" ',
    '"\\udc00\\ud800x"',
    '"\\ud800\\u0041"',
    '"\ud800 lone"',
    '[1.5e, 2]'[:4] + ']',
    '"' + 'x' * 50 + '"',
]
for doc in docs:
    print(ascii(json.loads(doc)))

# Equal keys share one str.
d = json.loads('[{"key": 1}, {"key": 2}]')
print(list(d[0])[0] is list(d[1])[0])

# scanstring: (str, end) with end a code-point index.
print(_json.scanstring('"abc"xyz', 1))
print(_json.scanstring('é"ab\\u00e9c"xyz', 2))
print(_json.scanstring('"a\tb"', 1, False))
print(_json.scanstring('"a\tb"', 1, 0))
print(_json.scanstring('""', 1))

# The scanner object: scan_once(string, idx) and its members.
dec = json.JSONDecoder()
scan = _json.make_scanner(dec)
print(scan('  [1, 2] tail', 2))
print(scan('é[1, "é"]', 1))
print(scan(string='{"a": null}', idx=0))
try:
    scan('[1]', 3)
except StopIteration as e:
    print('StopIteration', e.value)
print(scan.strict, scan.object_hook, scan.object_pairs_hook)
print(scan.parse_float is float, scan.parse_int is int, scan.parse_constant("NaN"))
print(type(scan).__name__, type(scan).__module__)
print(json.JSONDecoder().raw_decode('{"a": 1} trailing'))

class S(str):
    pass

print(json.loads(S('[1, "two"]')))
