try:
    print('[1, 2, 3].insert()', '->', repr([1, 2, 3].insert()))
except Exception as e:
    print('[1, 2, 3].insert()', '!!', type(e).__name__, e)
try:
    print('[].append(1, 2)', '->', repr([].append(1, 2)))
except Exception as e:
    print('[].append(1, 2)', '!!', type(e).__name__, e)
try:
    print('[3, 1].sort(key=1)', '->', repr([3, 1].sort(key=1)))
except Exception as e:
    print('[3, 1].sort(key=1)', '!!', type(e).__name__, e)
try:
    print('[3, 1].sort(reverse=None)', '->', repr([3, 1].sort(reverse=None)))
except Exception as e:
    print('[3, 1].sort(reverse=None)', '!!', type(e).__name__, e)
try:
    print('sorted([3, 1], cmp=None)', '->', repr(sorted([3, 1], cmp=None)))
except Exception as e:
    print('sorted([3, 1], cmp=None)', '!!', type(e).__name__, e)
try:
    print('"abc".split("")', '->', repr("abc".split("")))
except Exception as e:
    print('"abc".split("")', '!!', type(e).__name__, e)
try:
    print('"abc".center()', '->', repr("abc".center()))
except Exception as e:
    print('"abc".center()', '!!', type(e).__name__, e)
try:
    print('"abc".center(5, "ab")', '->', repr("abc".center(5, "ab")))
except Exception as e:
    print('"abc".center(5, "ab")', '!!', type(e).__name__, e)
try:
    print('"abc".join([1, 2])', '->', repr("abc".join([1, 2])))
except Exception as e:
    print('"abc".join([1, 2])', '!!', type(e).__name__, e)
try:
    print('"a".startswith(["a"])', '->', repr("a".startswith(["a"])))
except Exception as e:
    print('"a".startswith(["a"])', '!!', type(e).__name__, e)
try:
    print('"abc".count("")', '->', repr("abc".count("")))
except Exception as e:
    print('"abc".count("")', '!!', type(e).__name__, e)
try:
    print('"abc".replace("", "-")', '->', repr("abc".replace("", "-")))
except Exception as e:
    print('"abc".replace("", "-")', '!!', type(e).__name__, e)
try:
    print('"aaa".replace("a", "b", -1)', '->', repr("aaa".replace("a", "b", -1)))
except Exception as e:
    print('"aaa".replace("a", "b", -1)', '!!', type(e).__name__, e)
try:
    print('"abc".find("c", -1)', '->', repr("abc".find("c", -1)))
except Exception as e:
    print('"abc".find("c", -1)', '!!', type(e).__name__, e)
try:
    print('"abc".rindex("z")', '->', repr("abc".rindex("z")))
except Exception as e:
    print('"abc".rindex("z")', '!!', type(e).__name__, e)
try:
    print('"  x ".strip(None)', '->', repr("  x ".strip(None)))
except Exception as e:
    print('"  x ".strip(None)', '!!', type(e).__name__, e)
try:
    print('"abc".encode("ascii")', '->', repr("abc".encode("ascii")))
except Exception as e:
    print('"abc".encode("ascii")', '!!', type(e).__name__, e)
try:
    print('"é".encode("ascii")', '->', repr("é".encode("ascii")))
except Exception as e:
    print('"é".encode("ascii")', '!!', type(e).__name__, e)
try:
    print('b"\\xff".decode()', '->', repr(b"\xff".decode()))
except Exception as e:
    print('b"\\xff".decode()', '!!', type(e).__name__, e)
try:
    print('{}.get()', '->', repr({}.get()))
except Exception as e:
    print('{}.get()', '!!', type(e).__name__, e)
try:
    print('{}.update(1)', '->', repr({}.update(1)))
except Exception as e:
    print('{}.update(1)', '!!', type(e).__name__, e)
try:
    print('{}.update([1])', '->', repr({}.update([1])))
except Exception as e:
    print('{}.update([1])', '!!', type(e).__name__, e)
try:
    print('dict([1, 2])', '->', repr(dict([1, 2])))
except Exception as e:
    print('dict([1, 2])', '!!', type(e).__name__, e)
try:
    print('dict(a=1, **{"a": 2})', '->', repr(dict(a=1, **{"a": 2})))
except Exception as e:
    print('dict(a=1, **{"a": 2})', '!!', type(e).__name__, e)
try:
    print('{1: 2}.pop()', '->', repr({1: 2}.pop()))
except Exception as e:
    print('{1: 2}.pop()', '!!', type(e).__name__, e)
try:
    print('set([1]).remove(2)', '->', repr(set([1]).remove(2)))
except Exception as e:
    print('set([1]).remove(2)', '!!', type(e).__name__, e)
try:
    print('{[1]: 2}', '->', repr({[1]: 2}))
except Exception as e:
    print('{[1]: 2}', '!!', type(e).__name__, e)
try:
    print('{{}}', '->', repr({{}}))
except Exception as e:
    print('{{}}', '!!', type(e).__name__, e)
try:
    print('hash([])', '->', repr(hash([])))
except Exception as e:
    print('hash([])', '!!', type(e).__name__, e)
try:
    print('frozenset([[1]])', '->', repr(frozenset([[1]])))
except Exception as e:
    print('frozenset([[1]])', '!!', type(e).__name__, e)
try:
    print('list(1)', '->', repr(list(1)))
except Exception as e:
    print('list(1)', '!!', type(e).__name__, e)
try:
    print('tuple(None)', '->', repr(tuple(None)))
except Exception as e:
    print('tuple(None)', '!!', type(e).__name__, e)
try:
    print('iter(5)', '->', repr(iter(5)))
except Exception as e:
    print('iter(5)', '!!', type(e).__name__, e)
try:
    print('next(5)', '->', repr(next(5)))
except Exception as e:
    print('next(5)', '!!', type(e).__name__, e)
try:
    print('reversed(5)', '->', repr(reversed(5)))
except Exception as e:
    print('reversed(5)', '!!', type(e).__name__, e)
try:
    print('sum(5)', '->', repr(sum(5)))
except Exception as e:
    print('sum(5)', '!!', type(e).__name__, e)
try:
    print('max()', '->', repr(max()))
except Exception as e:
    print('max()', '!!', type(e).__name__, e)
try:
    print('min(1, 2, key=None)', '->', repr(min(1, 2, key=None)))
except Exception as e:
    print('min(1, 2, key=None)', '!!', type(e).__name__, e)
try:
    print('max([1, 2], default=0, key=lambda x: -x)', '->', repr(max([1, 2], default=0, key=lambda x: -x)))
except Exception as e:
    print('max([1, 2], default=0, key=lambda x: -x)', '!!', type(e).__name__, e)
try:
    print('enumerate(1)', '->', repr(enumerate(1)))
except Exception as e:
    print('enumerate(1)', '!!', type(e).__name__, e)
try:
    print('zip(1)', '->', repr(zip(1)))
except Exception as e:
    print('zip(1)', '!!', type(e).__name__, e)
try:
    print('map(None)', '->', repr(map(None)))
except Exception as e:
    print('map(None)', '!!', type(e).__name__, e)
try:
    print('filter()', '->', repr(filter()))
except Exception as e:
    print('filter()', '!!', type(e).__name__, e)
try:
    print('range(1.5)', '->', repr(range(1.5)))
except Exception as e:
    print('range(1.5)', '!!', type(e).__name__, e)
try:
    print('range(1, 2, 0)', '->', repr(range(1, 2, 0)))
except Exception as e:
    print('range(1, 2, 0)', '!!', type(e).__name__, e)
try:
    print('range()', '->', repr(range()))
except Exception as e:
    print('range()', '!!', type(e).__name__, e)
try:
    print('int("12", base=3)', '->', repr(int("12", base=3)))
except Exception as e:
    print('int("12", base=3)', '!!', type(e).__name__, e)
try:
    print('int(x="5")', '->', repr(int(x="5")))
except Exception as e:
    print('int(x="5")', '!!', type(e).__name__, e)
try:
    print('float(None)', '->', repr(float(None)))
except Exception as e:
    print('float(None)', '!!', type(e).__name__, e)
try:
    print('str(b"x", "utf-8")', '->', repr(str(b"x", "utf-8")))
except Exception as e:
    print('str(b"x", "utf-8")', '!!', type(e).__name__, e)
try:
    print('bool(1, 2)', '->', repr(bool(1, 2)))
except Exception as e:
    print('bool(1, 2)', '!!', type(e).__name__, e)
try:
    print('complex("x")', '->', repr(complex("x")))
except Exception as e:
    print('complex("x")', '!!', type(e).__name__, e)
try:
    print('round("x")', '->', repr(round("x")))
except Exception as e:
    print('round("x")', '!!', type(e).__name__, e)
try:
    print('round(1.5, "x")', '->', repr(round(1.5, "x")))
except Exception as e:
    print('round(1.5, "x")', '!!', type(e).__name__, e)
try:
    print('divmod("a", 1)', '->', repr(divmod("a", 1)))
except Exception as e:
    print('divmod("a", 1)', '!!', type(e).__name__, e)
try:
    print('pow(2, 3, 0)', '->', repr(pow(2, 3, 0)))
except Exception as e:
    print('pow(2, 3, 0)', '!!', type(e).__name__, e)
try:
    print('pow(2.0, 3, 5)', '->', repr(pow(2.0, 3, 5)))
except Exception as e:
    print('pow(2.0, 3, 5)', '!!', type(e).__name__, e)
try:
    print('abs()', '->', repr(abs()))
except Exception as e:
    print('abs()', '!!', type(e).__name__, e)
try:
    print('chr("a")', '->', repr(chr("a")))
except Exception as e:
    print('chr("a")', '!!', type(e).__name__, e)
try:
    print('ord("")', '->', repr(ord("")))
except Exception as e:
    print('ord("")', '!!', type(e).__name__, e)
try:
    print('isinstance(1, 1)', '->', repr(isinstance(1, 1)))
except Exception as e:
    print('isinstance(1, 1)', '!!', type(e).__name__, e)
try:
    print('issubclass(1, int)', '->', repr(issubclass(1, int)))
except Exception as e:
    print('issubclass(1, int)', '!!', type(e).__name__, e)
try:
    print('getattr(1)', '->', repr(getattr(1)))
except Exception as e:
    print('getattr(1)', '!!', type(e).__name__, e)
try:
    print('setattr(1, "x", 2)', '->', repr(setattr(1, "x", 2)))
except Exception as e:
    print('setattr(1, "x", 2)', '!!', type(e).__name__, e)
try:
    print('callable()', '->', repr(callable()))
except Exception as e:
    print('callable()', '!!', type(e).__name__, e)
try:
    print('len([], [])', '->', repr(len([], [])))
except Exception as e:
    print('len([], [])', '!!', type(e).__name__, e)
try:
    print('print(1, sep=5)', '->', repr(print(1, sep=5)))
except Exception as e:
    print('print(1, sep=5)', '!!', type(e).__name__, e)
try:
    print('sorted()', '->', repr(sorted()))
except Exception as e:
    print('sorted()', '!!', type(e).__name__, e)
try:
    print('any(1)', '->', repr(any(1)))
except Exception as e:
    print('any(1)', '!!', type(e).__name__, e)
try:
    print('all()', '->', repr(all()))
except Exception as e:
    print('all()', '!!', type(e).__name__, e)
try:
    print('format(1, "x>")', '->', repr(format(1, "x>")))
except Exception as e:
    print('format(1, "x>")', '!!', type(e).__name__, e)
try:
    print('format(1, "abc")', '->', repr(format(1, "abc")))
except Exception as e:
    print('format(1, "abc")', '!!', type(e).__name__, e)
try:
    print('format("a", "d")', '->', repr(format("a", "d")))
except Exception as e:
    print('format("a", "d")', '!!', type(e).__name__, e)
try:
    print('format(1.5, "d")', '->', repr(format(1.5, "d")))
except Exception as e:
    print('format(1.5, "d")', '!!', type(e).__name__, e)
try:
    print('format(1, ".2s")', '->', repr(format(1, ".2s")))
except Exception as e:
    print('format(1, ".2s")', '!!', type(e).__name__, e)
try:
    print('"{0}".format()', '->', repr("{0}".format()))
except Exception as e:
    print('"{0}".format()', '!!', type(e).__name__, e)
try:
    print('"{a}".format(b=1)', '->', repr("{a}".format(b=1)))
except Exception as e:
    print('"{a}".format(b=1)', '!!', type(e).__name__, e)
try:
    print('"{:d}".format("a")', '->', repr("{:d}".format("a")))
except Exception as e:
    print('"{:d}".format("a")', '!!', type(e).__name__, e)
try:
    print('"{".format(1)', '->', repr("{".format(1)))
except Exception as e:
    print('"{".format(1)', '!!', type(e).__name__, e)
try:
    print('"}".format(1)', '->', repr("}".format(1)))
except Exception as e:
    print('"}".format(1)', '!!', type(e).__name__, e)
try:
    print('"{0:{1}}".format(1)', '->', repr("{0:{1}}".format(1)))
except Exception as e:
    print('"{0:{1}}".format(1)', '!!', type(e).__name__, e)
try:
    print('"%d %d" % (1, 2, 3)', '->', repr("%d %d" % (1, 2, 3)))
except Exception as e:
    print('"%d %d" % (1, 2, 3)', '!!', type(e).__name__, e)
try:
    print('"%z" % 1', '->', repr("%z" % 1))
except Exception as e:
    print('"%z" % 1', '!!', type(e).__name__, e)
try:
    print('"%(x)s" % 1', '->', repr("%(x)s" % 1))
except Exception as e:
    print('"%(x)s" % 1', '!!', type(e).__name__, e)
try:
    print('"%s" % {}', '->', repr("%s" % {}))
except Exception as e:
    print('"%s" % {}', '!!', type(e).__name__, e)
try:
    print('"%.2f" % "x"', '->', repr("%.2f" % "x"))
except Exception as e:
    print('"%.2f" % "x"', '!!', type(e).__name__, e)
try:
    print('1 .real.imag', '->', repr(1 .real.imag))
except Exception as e:
    print('1 .real.imag', '!!', type(e).__name__, e)
try:
    print('(1).__class__.__name__', '->', repr((1).__class__.__name__))
except Exception as e:
    print('(1).__class__.__name__', '!!', type(e).__name__, e)
try:
    print('[].__class__.__class__', '->', repr([].__class__.__class__))
except Exception as e:
    print('[].__class__.__class__', '!!', type(e).__name__, e)
try:
    print('type(1)(5)', '->', repr(type(1)(5)))
except Exception as e:
    print('type(1)(5)', '!!', type(e).__name__, e)
try:
    print('type("x", (), {})', '->', repr(type("x", (), {})))
except Exception as e:
    print('type("x", (), {})', '!!', type(e).__name__, e)
try:
    print('type("x", 1, {})', '->', repr(type("x", 1, {})))
except Exception as e:
    print('type("x", 1, {})', '!!', type(e).__name__, e)
try:
    print('type(1, 2)', '->', repr(type(1, 2)))
except Exception as e:
    print('type(1, 2)', '!!', type(e).__name__, e)
try:
    print('int.__new__(int, 5)', '->', repr(int.__new__(int, 5)))
except Exception as e:
    print('int.__new__(int, 5)', '!!', type(e).__name__, e)
try:
    print('vars(1)', '->', repr(vars(1)))
except Exception as e:
    print('vars(1)', '!!', type(e).__name__, e)
try:
    print('id()', '->', repr(id()))
except Exception as e:
    print('id()', '!!', type(e).__name__, e)
try:
    print('hash(1, 2)', '->', repr(hash(1, 2)))
except Exception as e:
    print('hash(1, 2)', '!!', type(e).__name__, e)
try:
    print('repr()', '->', repr(repr()))
except Exception as e:
    print('repr()', '!!', type(e).__name__, e)
try:
    print('ascii([1, "é"])', '->', repr(ascii([1, "é"])))
except Exception as e:
    print('ascii([1, "é"])', '!!', type(e).__name__, e)
try:
    print('bin("1")', '->', repr(bin("1")))
except Exception as e:
    print('bin("1")', '!!', type(e).__name__, e)
try:
    print('oct(1.0)', '->', repr(oct(1.0)))
except Exception as e:
    print('oct(1.0)', '!!', type(e).__name__, e)
try:
    print('hex()', '->', repr(hex()))
except Exception as e:
    print('hex()', '!!', type(e).__name__, e)
