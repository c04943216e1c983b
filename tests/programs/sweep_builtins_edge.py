try:
    print('"a,b,c".split(",", 1)', '->', repr("a,b,c".split(",", 1)))
except Exception as e:
    print('"a,b,c".split(",", 1)', '!!', type(e).__name__, e)
try:
    print('"a,b,c".rsplit(",", 1)', '->', repr("a,b,c".rsplit(",", 1)))
except Exception as e:
    print('"a,b,c".rsplit(",", 1)', '!!', type(e).__name__, e)
try:
    print('"a b c".rsplit(None, 1)', '->', repr("a b c".rsplit(None, 1)))
except Exception as e:
    print('"a b c".rsplit(None, 1)', '!!', type(e).__name__, e)
try:
    print('"x\\ny\\n".splitlines(True)', '->', repr("x\ny\n".splitlines(True)))
except Exception as e:
    print('"x\\ny\\n".splitlines(True)', '!!', type(e).__name__, e)
try:
    print('"abc".translate(str.maketrans("ab", "xy"))', '->', repr("abc".translate(str.maketrans("ab", "xy"))))
except Exception as e:
    print('"abc".translate(str.maketrans("ab", "xy"))', '!!', type(e).__name__, e)
try:
    print('"abc".translate({97: None})', '->', repr("abc".translate({97: None})))
except Exception as e:
    print('"abc".translate({97: None})', '!!', type(e).__name__, e)
try:
    print('str.maketrans({"a": "1"})', '->', repr(str.maketrans({"a": "1"})))
except Exception as e:
    print('str.maketrans({"a": "1"})', '!!', type(e).__name__, e)
try:
    print('"{a}-{b}".format_map({"a": 1, "b": 2})', '->', repr("{a}-{b}".format_map({"a": 1, "b": 2})))
except Exception as e:
    print('"{a}-{b}".format_map({"a": 1, "b": 2})', '!!', type(e).__name__, e)
try:
    print('"hello world".title()', '->', repr("hello world".title()))
except Exception as e:
    print('"hello world".title()', '!!', type(e).__name__, e)
try:
    print('"hello"[1:4:2]', '->', repr("hello"[1:4:2]))
except Exception as e:
    print('"hello"[1:4:2]', '!!', type(e).__name__, e)
try:
    print('"abc".removeprefix("a")', '->', repr("abc".removeprefix("a")))
except Exception as e:
    print('"abc".removeprefix("a")', '!!', type(e).__name__, e)
try:
    print('"abc".removesuffix("c")', '->', repr("abc".removesuffix("c")))
except Exception as e:
    print('"abc".removesuffix("c")', '!!', type(e).__name__, e)
try:
    print('"a\\tb".expandtabs()', '->', repr("a\tb".expandtabs()))
except Exception as e:
    print('"a\\tb".expandtabs()', '!!', type(e).__name__, e)
try:
    print('"%-10s|" % "hi"', '->', repr("%-10s|" % "hi"))
except Exception as e:
    print('"%-10s|" % "hi"', '!!', type(e).__name__, e)
try:
    print('"%+.3e" % 12345.6789', '->', repr("%+.3e" % 12345.6789))
except Exception as e:
    print('"%+.3e" % 12345.6789', '!!', type(e).__name__, e)
try:
    print('"%05.1f" % 3.14159', '->', repr("%05.1f" % 3.14159))
except Exception as e:
    print('"%05.1f" % 3.14159', '!!', type(e).__name__, e)
try:
    print('"%x" % 255', '->', repr("%x" % 255))
except Exception as e:
    print('"%x" % 255', '!!', type(e).__name__, e)
try:
    print('"%#x" % 255', '->', repr("%#x" % 255))
except Exception as e:
    print('"%#x" % 255', '!!', type(e).__name__, e)
try:
    print('"%o" % 8', '->', repr("%o" % 8))
except Exception as e:
    print('"%o" % 8', '!!', type(e).__name__, e)
try:
    print('"%10.4s|" % "abcdefg"', '->', repr("%10.4s|" % "abcdefg"))
except Exception as e:
    print('"%10.4s|" % "abcdefg"', '!!', type(e).__name__, e)
try:
    print('"%(a)s %(b)d" % {"a": "x", "b": 2}', '->', repr("%(a)s %(b)d" % {"a": "x", "b": 2}))
except Exception as e:
    print('"%(a)s %(b)d" % {"a": "x", "b": 2}', '!!', type(e).__name__, e)
try:
    print('"%s %s" % (1,)', '->', repr("%s %s" % (1,)))
except Exception as e:
    print('"%s %s" % (1,)', '!!', type(e).__name__, e)
try:
    print('"%d" % "x"', '->', repr("%d" % "x"))
except Exception as e:
    print('"%d" % "x"', '!!', type(e).__name__, e)
try:
    print('"{:n}".format(1234567)', '->', repr("{:n}".format(1234567)))
except Exception as e:
    print('"{:n}".format(1234567)', '!!', type(e).__name__, e)
try:
    print('"{:,}".format(1234567.891)', '->', repr("{:,}".format(1234567.891)))
except Exception as e:
    print('"{:,}".format(1234567.891)', '!!', type(e).__name__, e)
try:
    print('"{:.3g}".format(0.0001234)', '->', repr("{:.3g}".format(0.0001234)))
except Exception as e:
    print('"{:.3g}".format(0.0001234)', '!!', type(e).__name__, e)
try:
    print('"{:g}".format(1e-5)', '->', repr("{:g}".format(1e-5)))
except Exception as e:
    print('"{:g}".format(1e-5)', '!!', type(e).__name__, e)
try:
    print('"{:G}".format(1e20)', '->', repr("{:G}".format(1e20)))
except Exception as e:
    print('"{:G}".format(1e20)', '!!', type(e).__name__, e)
try:
    print('"{:.2e}".format(0)', '->', repr("{:.2e}".format(0)))
except Exception as e:
    print('"{:.2e}".format(0)', '!!', type(e).__name__, e)
try:
    print('"{:%}".format(0.5)', '->', repr("{:%}".format(0.5)))
except Exception as e:
    print('"{:%}".format(0.5)', '!!', type(e).__name__, e)
try:
    print('"{:=+8d}".format(42)', '->', repr("{:=+8d}".format(42)))
except Exception as e:
    print('"{:=+8d}".format(42)', '!!', type(e).__name__, e)
try:
    print('"{:^+9.2f}".format(3.14159)', '->', repr("{:^+9.2f}".format(3.14159)))
except Exception as e:
    print('"{:^+9.2f}".format(3.14159)', '!!', type(e).__name__, e)
try:
    print('"{:#010b}".format(5)', '->', repr("{:#010b}".format(5)))
except Exception as e:
    print('"{:#010b}".format(5)', '!!', type(e).__name__, e)
try:
    print('"{:>{}}".format("x", 5)', '->', repr("{:>{}}".format("x", 5)))
except Exception as e:
    print('"{:>{}}".format("x", 5)', '!!', type(e).__name__, e)
try:
    print('"{0!s:>5}{0!r:<5}".format("a")', '->', repr("{0!s:>5}{0!r:<5}".format("a")))
except Exception as e:
    print('"{0!s:>5}{0!r:<5}".format("a")', '!!', type(e).__name__, e)
try:
    print('format(1e16)', '->', repr(format(1e16)))
except Exception as e:
    print('format(1e16)', '!!', type(e).__name__, e)
try:
    print('format(123456789012345678.0)', '->', repr(format(123456789012345678.0)))
except Exception as e:
    print('format(123456789012345678.0)', '!!', type(e).__name__, e)
try:
    print('format(0.1, ".20f")', '->', repr(format(0.1, ".20f")))
except Exception as e:
    print('format(0.1, ".20f")', '!!', type(e).__name__, e)
try:
    print('format(1/3, ".17g")', '->', repr(format(1/3, ".17g")))
except Exception as e:
    print('format(1/3, ".17g")', '!!', type(e).__name__, e)
try:
    print('repr(1e-7)', '->', repr(repr(1e-7)))
except Exception as e:
    print('repr(1e-7)', '!!', type(e).__name__, e)
try:
    print('repr(123456789.0)', '->', repr(repr(123456789.0)))
except Exception as e:
    print('repr(123456789.0)', '!!', type(e).__name__, e)
try:
    print('repr(1.0e15)', '->', repr(repr(1.0e15)))
except Exception as e:
    print('repr(1.0e15)', '!!', type(e).__name__, e)
try:
    print('repr(2.5e-300)', '->', repr(repr(2.5e-300)))
except Exception as e:
    print('repr(2.5e-300)', '!!', type(e).__name__, e)
try:
    print('str(10**21 * 1.0)', '->', repr(str(10**21 * 1.0)))
except Exception as e:
    print('str(10**21 * 1.0)', '!!', type(e).__name__, e)
try:
    print('float("0.1") * 3', '->', repr(float("0.1") * 3))
except Exception as e:
    print('float("0.1") * 3', '!!', type(e).__name__, e)
try:
    print('int("9" * 50) + 1', '->', repr(int("9" * 50) + 1))
except Exception as e:
    print('int("9" * 50) + 1', '!!', type(e).__name__, e)
try:
    print('int("0x10", 16)', '->', repr(int("0x10", 16)))
except Exception as e:
    print('int("0x10", 16)', '!!', type(e).__name__, e)
try:
    print('int("z", 36)', '->', repr(int("z", 36)))
except Exception as e:
    print('int("z", 36)', '!!', type(e).__name__, e)
try:
    print('int("10", 1)', '->', repr(int("10", 1)))
except Exception as e:
    print('int("10", 1)', '!!', type(e).__name__, e)
try:
    print('(255).to_bytes(2, "little")', '->', repr((255).to_bytes(2, "little")))
except Exception as e:
    print('(255).to_bytes(2, "little")', '!!', type(e).__name__, e)
try:
    print('(-1).to_bytes(2, "big", signed=True)', '->', repr((-1).to_bytes(2, "big", signed=True)))
except Exception as e:
    print('(-1).to_bytes(2, "big", signed=True)', '!!', type(e).__name__, e)
try:
    print('int.from_bytes(b"\\xff\\xff", "big", signed=True)', '->', repr(int.from_bytes(b"\xff\xff", "big", signed=True)))
except Exception as e:
    print('int.from_bytes(b"\\xff\\xff", "big", signed=True)', '!!', type(e).__name__, e)
try:
    print('(10).bit_length()', '->', repr((10).bit_length()))
except Exception as e:
    print('(10).bit_length()', '!!', type(e).__name__, e)
try:
    print('(-10) // 3', '->', repr((-10) // 3))
except Exception as e:
    print('(-10) // 3', '!!', type(e).__name__, e)
try:
    print('(-10) % 3', '->', repr((-10) % 3))
except Exception as e:
    print('(-10) % 3', '!!', type(e).__name__, e)
try:
    print('10 ** -2', '->', repr(10 ** -2))
except Exception as e:
    print('10 ** -2', '!!', type(e).__name__, e)
try:
    print('(-8) ** 0.5', '->', repr((-8) ** 0.5))
except Exception as e:
    print('(-8) ** 0.5', '!!', type(e).__name__, e)
try:
    print('0 ** 0', '->', repr(0 ** 0))
except Exception as e:
    print('0 ** 0', '!!', type(e).__name__, e)
try:
    print('0.0 ** -1', '->', repr(0.0 ** -1))
except Exception as e:
    print('0.0 ** -1', '!!', type(e).__name__, e)
try:
    print('2 ** 3 ** 2', '->', repr(2 ** 3 ** 2))
except Exception as e:
    print('2 ** 3 ** 2', '!!', type(e).__name__, e)
try:
    print('-2 ** 0.5', '->', repr(-2 ** 0.5))
except Exception as e:
    print('-2 ** 0.5', '!!', type(e).__name__, e)
try:
    print('divmod(-10**20, 7)', '->', repr(divmod(-10**20, 7)))
except Exception as e:
    print('divmod(-10**20, 7)', '!!', type(e).__name__, e)
try:
    print('pow(10, 20, 7)', '->', repr(pow(10, 20, 7)))
except Exception as e:
    print('pow(10, 20, 7)', '!!', type(e).__name__, e)
try:
    print('pow(2, 0.5)', '->', repr(pow(2, 0.5)))
except Exception as e:
    print('pow(2, 0.5)', '!!', type(e).__name__, e)
try:
    print('pow(-2, 3, 5)', '->', repr(pow(-2, 3, 5)))
except Exception as e:
    print('pow(-2, 3, 5)', '!!', type(e).__name__, e)
try:
    print('abs(-10**30)', '->', repr(abs(-10**30)))
except Exception as e:
    print('abs(-10**30)', '!!', type(e).__name__, e)
try:
    print('round(123.456, -1)', '->', repr(round(123.456, -1)))
except Exception as e:
    print('round(123.456, -1)', '!!', type(e).__name__, e)
try:
    print('round(-123.456, 1)', '->', repr(round(-123.456, 1)))
except Exception as e:
    print('round(-123.456, 1)', '!!', type(e).__name__, e)
try:
    print('round(10**20 + 0.5)', '->', repr(round(10**20 + 0.5)))
except Exception as e:
    print('round(10**20 + 0.5)', '!!', type(e).__name__, e)
try:
    print('int(1e308)', '->', repr(int(1e308)))
except Exception as e:
    print('int(1e308)', '!!', type(e).__name__, e)
try:
    print('float(10**308)', '->', repr(float(10**308)))
except Exception as e:
    print('float(10**308)', '!!', type(e).__name__, e)
try:
    print('float(10**309)', '->', repr(float(10**309)))
except Exception as e:
    print('float(10**309)', '!!', type(e).__name__, e)
try:
    print('1e308 * 10', '->', repr(1e308 * 10))
except Exception as e:
    print('1e308 * 10', '!!', type(e).__name__, e)
try:
    print('iter([1,2]).__next__()', '->', repr(iter([1,2]).__next__()))
except Exception as e:
    print('iter([1,2]).__next__()', '!!', type(e).__name__, e)
try:
    print('next(iter(""), "dflt")', '->', repr(next(iter(""), "dflt")))
except Exception as e:
    print('next(iter(""), "dflt")', '!!', type(e).__name__, e)
try:
    print('next([1])', '->', repr(next([1])))
except Exception as e:
    print('next([1])', '!!', type(e).__name__, e)
try:
    print('list(iter(lambda: 1, 1))', '->', repr(list(iter(lambda: 1, 1))))
except Exception as e:
    print('list(iter(lambda: 1, 1))', '!!', type(e).__name__, e)
try:
    print('list(map(lambda a, b: a + b, [1, 2, 3], [10, 20]))', '->', repr(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20]))))
except Exception as e:
    print('list(map(lambda a, b: a + b, [1, 2, 3], [10, 20]))', '!!', type(e).__name__, e)
try:
    print('list(zip())', '->', repr(list(zip())))
except Exception as e:
    print('list(zip())', '!!', type(e).__name__, e)
try:
    print('list(zip("ab"))', '->', repr(list(zip("ab"))))
except Exception as e:
    print('list(zip("ab"))', '!!', type(e).__name__, e)
try:
    print('dict(zip("ab", "cd"))', '->', repr(dict(zip("ab", "cd"))))
except Exception as e:
    print('dict(zip("ab", "cd"))', '!!', type(e).__name__, e)
try:
    print('sorted([1, "a"])', '->', repr(sorted([1, "a"])))
except Exception as e:
    print('sorted([1, "a"])', '!!', type(e).__name__, e)
try:
    print('sorted([[1], (1,)])', '->', repr(sorted([[1], (1,)])))
except Exception as e:
    print('sorted([[1], (1,)])', '!!', type(e).__name__, e)
try:
    print('min([])', '->', repr(min([])))
except Exception as e:
    print('min([])', '!!', type(e).__name__, e)
try:
    print('max(1)', '->', repr(max(1)))
except Exception as e:
    print('max(1)', '!!', type(e).__name__, e)
try:
    print('sum(["a", "b"], "")', '->', repr(sum(["a", "b"], "")))
except Exception as e:
    print('sum(["a", "b"], "")', '!!', type(e).__name__, e)
try:
    print('sum([1.5, 2.5])', '->', repr(sum([1.5, 2.5])))
except Exception as e:
    print('sum([1.5, 2.5])', '!!', type(e).__name__, e)
try:
    print('sum([[1], [2]], start=[0])', '->', repr(sum([[1], [2]], start=[0])))
except Exception as e:
    print('sum([[1], [2]], start=[0])', '!!', type(e).__name__, e)
try:
    print('any([0, "", None])', '->', repr(any([0, "", None])))
except Exception as e:
    print('any([0, "", None])', '!!', type(e).__name__, e)
try:
    print('list(range(5, 0, -2))', '->', repr(list(range(5, 0, -2))))
except Exception as e:
    print('list(range(5, 0, -2))', '!!', type(e).__name__, e)
try:
    print('range(10)[2:8:3]', '->', repr(range(10)[2:8:3]))
except Exception as e:
    print('range(10)[2:8:3]', '!!', type(e).__name__, e)
try:
    print('range(0, 10, 3)[-1]', '->', repr(range(0, 10, 3)[-1]))
except Exception as e:
    print('range(0, 10, 3)[-1]', '!!', type(e).__name__, e)
try:
    print('list(range(10))[slice(1, None, 3)]', '->', repr(list(range(10))[slice(1, None, 3)]))
except Exception as e:
    print('list(range(10))[slice(1, None, 3)]', '!!', type(e).__name__, e)
try:
    print('slice(1, 10, 2).indices(5)', '->', repr(slice(1, 10, 2).indices(5)))
except Exception as e:
    print('slice(1, 10, 2).indices(5)', '!!', type(e).__name__, e)
try:
    print('repr(slice(1, 2))', '->', repr(repr(slice(1, 2))))
except Exception as e:
    print('repr(slice(1, 2))', '!!', type(e).__name__, e)
try:
    print('[1, 2, 3][slice(None, None, -1)]', '->', repr([1, 2, 3][slice(None, None, -1)]))
except Exception as e:
    print('[1, 2, 3][slice(None, None, -1)]', '!!', type(e).__name__, e)
try:
    print('{1, 2} | {3}', '->', repr({1, 2} | {3}))
except Exception as e:
    print('{1, 2} | {3}', '!!', type(e).__name__, e)
try:
    print('{1, 2}.union([3], (4,))', '->', repr({1, 2}.union([3], (4,))))
except Exception as e:
    print('{1, 2}.union([3], (4,))', '!!', type(e).__name__, e)
try:
    print('{1, 2, 3}.intersection({2}, [2, 3])', '->', repr({1, 2, 3}.intersection({2}, [2, 3])))
except Exception as e:
    print('{1, 2, 3}.intersection({2}, [2, 3])', '!!', type(e).__name__, e)
try:
    print('{1, 2}.symmetric_difference([2, 3])', '->', repr({1, 2}.symmetric_difference([2, 3])))
except Exception as e:
    print('{1, 2}.symmetric_difference([2, 3])', '!!', type(e).__name__, e)
try:
    print('{1, 2} < {1, 2, 3}', '->', repr({1, 2} < {1, 2, 3}))
except Exception as e:
    print('{1, 2} < {1, 2, 3}', '!!', type(e).__name__, e)
try:
    print('frozenset("abc") == set("cba")', '->', repr(frozenset("abc") == set("cba")))
except Exception as e:
    print('frozenset("abc") == set("cba")', '!!', type(e).__name__, e)
try:
    print('{}.keys() | {1}', '->', repr({}.keys() | {1}))
except Exception as e:
    print('{}.keys() | {1}', '!!', type(e).__name__, e)
try:
    print('{1: 2}.items() & {(1, 2)}', '->', repr({1: 2}.items() & {(1, 2)}))
except Exception as e:
    print('{1: 2}.items() & {(1, 2)}', '!!', type(e).__name__, e)
try:
    print('list({1: 2, 3: 4}.values())', '->', repr(list({1: 2, 3: 4}.values())))
except Exception as e:
    print('list({1: 2, 3: 4}.values())', '!!', type(e).__name__, e)
try:
    print('dict.fromkeys([1, 2])', '->', repr(dict.fromkeys([1, 2])))
except Exception as e:
    print('dict.fromkeys([1, 2])', '!!', type(e).__name__, e)
try:
    print('{1: 1} | {2: 2}', '->', repr({1: 1} | {2: 2}))
except Exception as e:
    print('{1: 1} | {2: 2}', '!!', type(e).__name__, e)
try:
    print('sorted({"b": 1, "a": 2})', '->', repr(sorted({"b": 1, "a": 2})))
except Exception as e:
    print('sorted({"b": 1, "a": 2})', '!!', type(e).__name__, e)
try:
    print('list(reversed({1: 2, 3: 4}))', '->', repr(list(reversed({1: 2, 3: 4}))))
except Exception as e:
    print('list(reversed({1: 2, 3: 4}))', '!!', type(e).__name__, e)
try:
    print('repr({}.keys())', '->', repr(repr({}.keys())))
except Exception as e:
    print('repr({}.keys())', '!!', type(e).__name__, e)
try:
    print('repr({1: 2}.items())', '->', repr(repr({1: 2}.items())))
except Exception as e:
    print('repr({1: 2}.items())', '!!', type(e).__name__, e)
try:
    print('repr(set())', '->', repr(repr(set())))
except Exception as e:
    print('repr(set())', '!!', type(e).__name__, e)
try:
    print('repr(frozenset({1}))', '->', repr(repr(frozenset({1}))))
except Exception as e:
    print('repr(frozenset({1}))', '!!', type(e).__name__, e)
try:
    print('repr(range(1, 5, 2))', '->', repr(repr(range(1, 5, 2))))
except Exception as e:
    print('repr(range(1, 5, 2))', '!!', type(e).__name__, e)
try:
    print('repr(b"\\x80abc")', '->', repr(repr(b"\x80abc")))
except Exception as e:
    print('repr(b"\\x80abc")', '!!', type(e).__name__, e)
try:
    print('repr(bytearray(b"x"))', '->', repr(repr(bytearray(b"x"))))
except Exception as e:
    print('repr(bytearray(b"x"))', '!!', type(e).__name__, e)
try:
    print('repr(3 + 0j)', '->', repr(repr(3 + 0j)))
except Exception as e:
    print('repr(3 + 0j)', '!!', type(e).__name__, e)
try:
    print('repr(-0j)', '->', repr(repr(-0j)))
except Exception as e:
    print('repr(-0j)', '!!', type(e).__name__, e)
try:
    print('repr(1j * 1j)', '->', repr(repr(1j * 1j)))
except Exception as e:
    print('repr(1j * 1j)', '!!', type(e).__name__, e)
try:
    print('complex(1, -1)', '->', repr(complex(1, -1)))
except Exception as e:
    print('complex(1, -1)', '!!', type(e).__name__, e)
try:
    print('(1 + 2j) / (3 - 4j)', '->', repr((1 + 2j) / (3 - 4j)))
except Exception as e:
    print('(1 + 2j) / (3 - 4j)', '!!', type(e).__name__, e)
try:
    print('abs(-3 - 4j)', '->', repr(abs(-3 - 4j)))
except Exception as e:
    print('abs(-3 - 4j)', '!!', type(e).__name__, e)
try:
    print('repr(float("inf"))', '->', repr(repr(float("inf"))))
except Exception as e:
    print('repr(float("inf"))', '!!', type(e).__name__, e)
try:
    print('repr(-float("nan"))', '->', repr(repr(-float("nan"))))
except Exception as e:
    print('repr(-float("nan"))', '!!', type(e).__name__, e)
try:
    print('str(True + 0.5)', '->', repr(str(True + 0.5)))
except Exception as e:
    print('str(True + 0.5)', '!!', type(e).__name__, e)
try:
    print('bool("False")', '->', repr(bool("False")))
except Exception as e:
    print('bool("False")', '!!', type(e).__name__, e)
try:
    print('int(True)', '->', repr(int(True)))
except Exception as e:
    print('int(True)', '!!', type(e).__name__, e)
try:
    print('True & False', '->', repr(True & False))
except Exception as e:
    print('True & False', '!!', type(e).__name__, e)
try:
    print('True | 2', '->', repr(True | 2))
except Exception as e:
    print('True | 2', '!!', type(e).__name__, e)
try:
    print('~True', '->', repr(~True))
except Exception as e:
    print('~True', '!!', type(e).__name__, e)
try:
    print('hash(True)', '->', repr(hash(True)))
except Exception as e:
    print('hash(True)', '!!', type(e).__name__, e)
try:
    print('"abc" > "abd"', '->', repr("abc" > "abd"))
except Exception as e:
    print('"abc" > "abd"', '!!', type(e).__name__, e)
try:
    print('[1, 2] == (1, 2)', '->', repr([1, 2] == (1, 2)))
except Exception as e:
    print('[1, 2] == (1, 2)', '!!', type(e).__name__, e)
try:
    print('None == 0', '->', repr(None == 0))
except Exception as e:
    print('None == 0', '!!', type(e).__name__, e)
try:
    print('None < 1', '->', repr(None < 1))
except Exception as e:
    print('None < 1', '!!', type(e).__name__, e)
try:
    print('"a" < 1', '->', repr("a" < 1))
except Exception as e:
    print('"a" < 1', '!!', type(e).__name__, e)
try:
    print('[1] * 3 == [1, 1, 1]', '->', repr([1] * 3 == [1, 1, 1]))
except Exception as e:
    print('[1] * 3 == [1, 1, 1]', '!!', type(e).__name__, e)
try:
    print('list("abc") + ["d"]', '->', repr(list("abc") + ["d"]))
except Exception as e:
    print('list("abc") + ["d"]', '!!', type(e).__name__, e)
try:
    print('[[]] * 2', '->', repr([[]] * 2))
except Exception as e:
    print('[[]] * 2', '!!', type(e).__name__, e)
try:
    print('tuple() + (1,)', '->', repr(tuple() + (1,)))
except Exception as e:
    print('tuple() + (1,)', '!!', type(e).__name__, e)
try:
    print('(1, 2) * 0', '->', repr((1, 2) * 0))
except Exception as e:
    print('(1, 2) * 0', '!!', type(e).__name__, e)
try:
    print('"ab" * 2.0', '->', repr("ab" * 2.0))
except Exception as e:
    print('"ab" * 2.0', '!!', type(e).__name__, e)
try:
    print('list.__name__', '->', repr(list.__name__))
except Exception as e:
    print('list.__name__', '!!', type(e).__name__, e)
try:
    print('len.__name__', '->', repr(len.__name__))
except Exception as e:
    print('len.__name__', '!!', type(e).__name__, e)
try:
    print('print.__qualname__', '->', repr(print.__qualname__))
except Exception as e:
    print('print.__qualname__', '!!', type(e).__name__, e)
try:
    print('type(len)', '->', repr(type(len)))
except Exception as e:
    print('type(len)', '!!', type(e).__name__, e)
try:
    print('type([].append)', '->', repr(type([].append)))
except Exception as e:
    print('type([].append)', '!!', type(e).__name__, e)
try:
    print('repr([].append)[:30]', '->', repr(repr([].append)[:30]))
except Exception as e:
    print('repr([].append)[:30]', '!!', type(e).__name__, e)
try:
    print('type(lambda: 0).__name__', '->', repr(type(lambda: 0).__name__))
except Exception as e:
    print('type(lambda: 0).__name__', '!!', type(e).__name__, e)
try:
    print('str.upper("abc")', '->', repr(str.upper("abc")))
except Exception as e:
    print('str.upper("abc")', '!!', type(e).__name__, e)
try:
    print('list.append', '->', repr(list.append))
except Exception as e:
    print('list.append', '!!', type(e).__name__, e)
try:
    print('int.__add__(1, 2)', '->', repr(int.__add__(1, 2)))
except Exception as e:
    print('int.__add__(1, 2)', '!!', type(e).__name__, e)
try:
    print('object.__repr__(1)[:12]', '->', repr(object.__repr__(1)[:12]))
except Exception as e:
    print('object.__repr__(1)[:12]', '!!', type(e).__name__, e)
try:
    print('getattr(1, "real")', '->', repr(getattr(1, "real")))
except Exception as e:
    print('getattr(1, "real")', '!!', type(e).__name__, e)
try:
    print('getattr([], "nope")', '->', repr(getattr([], "nope")))
except Exception as e:
    print('getattr([], "nope")', '!!', type(e).__name__, e)
try:
    print('isinstance(1, bool)', '->', repr(isinstance(1, bool)))
except Exception as e:
    print('isinstance(1, bool)', '!!', type(e).__name__, e)
try:
    print('issubclass(int, object)', '->', repr(issubclass(int, object)))
except Exception as e:
    print('issubclass(int, object)', '!!', type(e).__name__, e)
try:
    print('type(type)', '->', repr(type(type)))
except Exception as e:
    print('type(type)', '!!', type(e).__name__, e)
try:
    print('type.__name__', '->', repr(type.__name__))
except Exception as e:
    print('type.__name__', '!!', type(e).__name__, e)
try:
    print('callable(type)', '->', repr(callable(type)))
except Exception as e:
    print('callable(type)', '!!', type(e).__name__, e)
try:
    print('chr(1114112)', '->', repr(chr(1114112)))
except Exception as e:
    print('chr(1114112)', '!!', type(e).__name__, e)
try:
    print('ord("ab")', '->', repr(ord("ab")))
except Exception as e:
    print('ord("ab")', '!!', type(e).__name__, e)
try:
    print('hex(3.0)', '->', repr(hex(3.0)))
except Exception as e:
    print('hex(3.0)', '!!', type(e).__name__, e)
try:
    print('bin(-5)', '->', repr(bin(-5)))
except Exception as e:
    print('bin(-5)', '!!', type(e).__name__, e)
try:
    print('oct(-8)', '->', repr(oct(-8)))
except Exception as e:
    print('oct(-8)', '!!', type(e).__name__, e)
try:
    print('abs("x")', '->', repr(abs("x")))
except Exception as e:
    print('abs("x")', '!!', type(e).__name__, e)
try:
    print('len(1)', '->', repr(len(1)))
except Exception as e:
    print('len(1)', '!!', type(e).__name__, e)
try:
    print('int([])', '->', repr(int([])))
except Exception as e:
    print('int([])', '!!', type(e).__name__, e)
try:
    print('float("abc")', '->', repr(float("abc")))
except Exception as e:
    print('float("abc")', '!!', type(e).__name__, e)
try:
    print('float("1e")', '->', repr(float("1e")))
except Exception as e:
    print('float("1e")', '!!', type(e).__name__, e)
try:
    print('int("1.5")', '->', repr(int("1.5")))
except Exception as e:
    print('int("1.5")', '!!', type(e).__name__, e)
try:
    print('"x" + 1', '->', repr("x" + 1))
except Exception as e:
    print('"x" + 1', '!!', type(e).__name__, e)
try:
    print('1 + "x"', '->', repr(1 + "x"))
except Exception as e:
    print('1 + "x"', '!!', type(e).__name__, e)
try:
    print('[] + ()', '->', repr([] + ()))
except Exception as e:
    print('[] + ()', '!!', type(e).__name__, e)
try:
    print('{} + {}', '->', repr({} + {}))
except Exception as e:
    print('{} + {}', '!!', type(e).__name__, e)
try:
    print('-"a"', '->', repr(-"a"))
except Exception as e:
    print('-"a"', '!!', type(e).__name__, e)
try:
    print('~1.5', '->', repr(~1.5))
except Exception as e:
    print('~1.5', '!!', type(e).__name__, e)
try:
    print('1 < [] ', '->', repr(1 < [] ))
except Exception as e:
    print('1 < [] ', '!!', type(e).__name__, e)
try:
    print('[1, 2, 3].pop(5)', '->', repr([1, 2, 3].pop(5)))
except Exception as e:
    print('[1, 2, 3].pop(5)', '!!', type(e).__name__, e)
try:
    print('[].pop()', '->', repr([].pop()))
except Exception as e:
    print('[].pop()', '!!', type(e).__name__, e)
try:
    print('{}.popitem()', '->', repr({}.popitem()))
except Exception as e:
    print('{}.popitem()', '!!', type(e).__name__, e)
try:
    print('set().pop()', '->', repr(set().pop()))
except Exception as e:
    print('set().pop()', '!!', type(e).__name__, e)
try:
    print('[1].index(2)', '->', repr([1].index(2)))
except Exception as e:
    print('[1].index(2)', '!!', type(e).__name__, e)
try:
    print('"abc".index("z")', '->', repr("abc".index("z")))
except Exception as e:
    print('"abc".index("z")', '!!', type(e).__name__, e)
try:
    print('(1,).index(2)', '->', repr((1,).index(2)))
except Exception as e:
    print('(1,).index(2)', '!!', type(e).__name__, e)
try:
    print('{"a": 1}["b"]', '->', repr({"a": 1}["b"]))
except Exception as e:
    print('{"a": 1}["b"]', '!!', type(e).__name__, e)
try:
    print('[1][1]', '->', repr([1][1]))
except Exception as e:
    print('[1][1]', '!!', type(e).__name__, e)
try:
    print('"abc"[10]', '->', repr("abc"[10]))
except Exception as e:
    print('"abc"[10]', '!!', type(e).__name__, e)
try:
    print('(1, 2)[5]', '->', repr((1, 2)[5]))
except Exception as e:
    print('(1, 2)[5]', '!!', type(e).__name__, e)
try:
    print('range(3)[5]', '->', repr(range(3)[5]))
except Exception as e:
    print('range(3)[5]', '!!', type(e).__name__, e)
try:
    print('(1, 2, 3)[1:2]', '->', repr((1, 2, 3)[1:2]))
except Exception as e:
    print('(1, 2, 3)[1:2]', '!!', type(e).__name__, e)
try:
    print('1 / 0', '->', repr(1 / 0))
except Exception as e:
    print('1 / 0', '!!', type(e).__name__, e)
try:
    print('1 // 0', '->', repr(1 // 0))
except Exception as e:
    print('1 // 0', '!!', type(e).__name__, e)
try:
    print('1 % 0', '->', repr(1 % 0))
except Exception as e:
    print('1 % 0', '!!', type(e).__name__, e)
try:
    print('1.0 // 0', '->', repr(1.0 // 0))
except Exception as e:
    print('1.0 // 0', '!!', type(e).__name__, e)
try:
    print('divmod(1, 0)', '->', repr(divmod(1, 0)))
except Exception as e:
    print('divmod(1, 0)', '!!', type(e).__name__, e)
try:
    print('0 ** -1', '->', repr(0 ** -1))
except Exception as e:
    print('0 ** -1', '!!', type(e).__name__, e)
try:
    print('int("")', '->', repr(int("")))
except Exception as e:
    print('int("")', '!!', type(e).__name__, e)
try:
    print('int(" ")', '->', repr(int(" ")))
except Exception as e:
    print('int(" ")', '!!', type(e).__name__, e)
