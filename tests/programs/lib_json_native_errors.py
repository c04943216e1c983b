# _json's error messages and positions.
import json
import _json
import sys

docs = [
    '', ' ', '[', '[ ', '[1,]', '[1 2]', '[1,,2]', '{', '{"a"', '{"a":',
    '{"a":1,}', '{"a" 1}', '{1:2}', '{"a":1', '{"a":1 "b":2}', '"abc',
    '"a\\x"', '"\\u12"', '"\\u12', '"\\uzzzz"', '"\\ud800\\uzzzz"', '"abc\\',
    'nul', 'tru', '"\x01"', '"a\nb"', '[-]', '-', '1.5e', '01', '[1]x',
    '\u00e9\u00e9', '["\u00e9", x]', '{"\u00e9":1,\n "b" 2}', '[\n\n  1,\n  }',
    '"\u00e9\\q"',
]
for doc in docs:
    try:
        r = json.loads(doc)
        print(ascii(doc), '->', ascii(r))
    except json.JSONDecodeError as e:
        print(ascii(doc), type(e).__name__, e, (e.pos, e.lineno, e.colno))

def show(f):
    try:
        print(ascii(f()))
    except BaseException as e:
        print(type(e).__name__, e)

show(lambda: _json.scanstring('"abc', 0))
show(lambda: _json.scanstring('"abc', 10))
show(lambda: _json.scanstring('"abc', -1))
show(lambda: _json.scanstring(b'"abc"', 1))
show(lambda: _json.scanstring('"abc"', 1.0))
show(lambda: _json.scanstring('"abc"', sys.maxsize + 1))
show(lambda: _json.scanstring('"abc"', 1, 2.0))
show(lambda: _json.scanstring('"abc"', 1, "x"))
show(lambda: _json.scanstring('"abc"'))
show(lambda: _json.scanstring('"abc"', 1, True, 4))
show(lambda: _json.scanstring('"abc"', end=1))
show(lambda: _json.encode_basestring_ascii(b"x"))
show(lambda: _json.encode_basestring(1))
show(lambda: _json.encode_basestring())
show(lambda: _json.make_scanner(1))
scan = _json.make_scanner(json.JSONDecoder())
show(lambda: scan('[1]', -1))
show(lambda: scan(b'[1]', 0))
show(lambda: scan('[1]', 'x'))
show(lambda: scan('[1]'))
show(lambda: setattr(scan, 'strict', False))

def enc(*args):
    base = [None, str, _json.encode_basestring_ascii, None, ':', ',', False, False, True]
    base[:len(args)] = args
    return _json.make_encoder(*base)

show(lambda: enc([]))
show(lambda: enc(None, str, _json.encode_basestring_ascii, None, 1))
show(lambda: enc(None, str, _json.encode_basestring_ascii, None, ':', b','))
show(lambda: _json.make_encoder(None, str, _json.encode_basestring_ascii, None, ':', ','))
show(lambda: _json.make_encoder(None, str, None, None, ':', ',', 0, 0, 0, 0))
show(lambda: enc()(1))
show(lambda: enc()(1, 'x'))
show(lambda: enc()())
show(lambda: enc(None, str, lambda s: 1)(["a"], 0))
show(lambda: enc(None, str, lambda s: 1)({"a": 1}, 0))
show(lambda: enc(None, str, lambda s: 1 / 0)("a", 0))
show(lambda: enc()({(1,): 1}, 0))
show(lambda: enc(None, str, _json.encode_basestring_ascii, None, ':', ',', True)({"b": 1, 2: 1}, 0))
show(lambda: enc(None, str, _json.encode_basestring_ascii, None, ':', ',', False, False, False)([float('nan')], 0))
show(lambda: enc(None, str, _json.encode_basestring_ascii, None, ':', ',', False, False, False)({float('inf'): 1}, 0))
show(lambda: enc()({float('-inf'): 1, 1.5: [float('nan')]}, 0))
show(lambda: json.dumps(object()))
show(lambda: json.dumps([1, {2j: 1}]))
show(lambda: json.dumps({"a": 1}, sort_keys=True, default=str) + json.dumps({1: 2, "b": 3}, sort_keys=True))
show(lambda: json.dumps([10 ** 5000]))

class BadItems(dict):
    def items(self):
        return 5

class PairItems(dict):
    def items(self):
        return [("a", 1), 3]

show(lambda: json.dumps(BadItems(a=1)))
show(lambda: json.dumps(PairItems(a=1)))
show(lambda: json.loads('1' * 5000))

class BadBool:
    def __bool__(self):
        raise ZeroDivisionError("bad bool")

show(lambda: json.JSONDecoder(strict=BadBool()).decode('""'))
show(lambda: json.JSONEncoder(sort_keys=BadBool()).encode({'a': 1}))
show(lambda: json.JSONEncoder(allow_nan=BadBool()).encode({'a': 1}))
show(lambda: _json.encode_basestring_ascii(s="x"))
show(lambda: _json.encode_basestring("a", "b"))
