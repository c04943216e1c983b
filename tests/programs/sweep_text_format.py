try:
    print('"ǅungla".capitalize()', '->', repr("ǅungla".capitalize()))
except Exception as e:
    print('"ǅungla".capitalize()', '!!', type(e).__name__, e)
try:
    print('"ﬁ".upper()', '->', repr("ﬁ".upper()))
except Exception as e:
    print('"ﬁ".upper()', '!!', type(e).__name__, e)
try:
    print('"İstanbul".lower()', '->', repr("İstanbul".lower()))
except Exception as e:
    print('"İstanbul".lower()', '!!', type(e).__name__, e)
try:
    print('"ΣΑΣ".lower()', '->', repr("ΣΑΣ".lower()))
except Exception as e:
    print('"ΣΑΣ".lower()', '!!', type(e).__name__, e)
try:
    print('"straße".upper()', '->', repr("straße".upper()))
except Exception as e:
    print('"straße".upper()', '!!', type(e).__name__, e)
try:
    print('"ß".casefold() == "ss"', '->', repr("ß".casefold() == "ss"))
except Exception as e:
    print('"ß".casefold() == "ss"', '!!', type(e).__name__, e)
try:
    print('"Ⅷ".isnumeric()', '->', repr("Ⅷ".isnumeric()))
except Exception as e:
    print('"Ⅷ".isnumeric()', '!!', type(e).__name__, e)
try:
    print('"²".isdigit()', '->', repr("²".isdigit()))
except Exception as e:
    print('"²".isdigit()', '!!', type(e).__name__, e)
try:
    print('"²".isdecimal()', '->', repr("²".isdecimal()))
except Exception as e:
    print('"²".isdecimal()', '!!', type(e).__name__, e)
try:
    print('"٣".isdigit()', '->', repr("٣".isdigit()))
except Exception as e:
    print('"٣".isdigit()', '!!', type(e).__name__, e)
try:
    print('int("٣")', '->', repr(int("٣")))
except Exception as e:
    print('int("٣")', '!!', type(e).__name__, e)
try:
    print('float("١.٥")', '->', repr(float("١.٥")))
except Exception as e:
    print('float("١.٥")', '!!', type(e).__name__, e)
try:
    print('"abc".isascii()', '->', repr("abc".isascii()))
except Exception as e:
    print('"abc".isascii()', '!!', type(e).__name__, e)
try:
    print('"é".isascii()', '->', repr("é".isascii()))
except Exception as e:
    print('"é".isascii()', '!!', type(e).__name__, e)
try:
    print('"a\\u0301".isalpha()', '->', repr("a\u0301".isalpha()))
except Exception as e:
    print('"a\\u0301".isalpha()', '!!', type(e).__name__, e)
try:
    print('"x y".isidentifier()', '->', repr("x y".isidentifier()))
except Exception as e:
    print('"x y".isidentifier()', '!!', type(e).__name__, e)
try:
    print('"_ok1".isidentifier()', '->', repr("_ok1".isidentifier()))
except Exception as e:
    print('"_ok1".isidentifier()', '!!', type(e).__name__, e)
try:
    print('"日本語".center(9, "*")', '->', repr("日本語".center(9, "*")))
except Exception as e:
    print('"日本語".center(9, "*")', '!!', type(e).__name__, e)
try:
    print('len("👍🏽")', '->', repr(len("👍🏽")))
except Exception as e:
    print('len("👍🏽")', '!!', type(e).__name__, e)
try:
    print('"👍🏽"[0]', '->', repr("👍🏽"[0]))
except Exception as e:
    print('"👍🏽"[0]', '!!', type(e).__name__, e)
try:
    print('"abc".encode("latin-1")', '->', repr("abc".encode("latin-1")))
except Exception as e:
    print('"abc".encode("latin-1")', '!!', type(e).__name__, e)
try:
    print('"é".encode("latin-1")', '->', repr("é".encode("latin-1")))
except Exception as e:
    print('"é".encode("latin-1")', '!!', type(e).__name__, e)
try:
    print('b"\\xe9".decode("latin-1")', '->', repr(b"\xe9".decode("latin-1")))
except Exception as e:
    print('b"\\xe9".decode("latin-1")', '!!', type(e).__name__, e)
try:
    print('"abc".zfill(2)', '->', repr("abc".zfill(2)))
except Exception as e:
    print('"abc".zfill(2)', '!!', type(e).__name__, e)
try:
    print('"+5".zfill(4)', '->', repr("+5".zfill(4)))
except Exception as e:
    print('"+5".zfill(4)', '!!', type(e).__name__, e)
try:
    print('"%c" % "x"', '->', repr("%c" % "x"))
except Exception as e:
    print('"%c" % "x"', '!!', type(e).__name__, e)
try:
    print('"%5.2s|" % "abc"', '->', repr("%5.2s|" % "abc"))
except Exception as e:
    print('"%5.2s|" % "abc"', '!!', type(e).__name__, e)
try:
    print('"%-6d|" % 42', '->', repr("%-6d|" % 42))
except Exception as e:
    print('"%-6d|" % 42', '!!', type(e).__name__, e)
try:
    print('"%+d %+d" % (5, -5)', '->', repr("%+d %+d" % (5, -5)))
except Exception as e:
    print('"%+d %+d" % (5, -5)', '!!', type(e).__name__, e)
try:
    print('"% d" % 5', '->', repr("% d" % 5))
except Exception as e:
    print('"% d" % 5', '!!', type(e).__name__, e)
try:
    print('"%.0f %.0f %.0f" % (0.5, 1.5, 2.5)', '->', repr("%.0f %.0f %.0f" % (0.5, 1.5, 2.5)))
except Exception as e:
    print('"%.0f %.0f %.0f" % (0.5, 1.5, 2.5)', '!!', type(e).__name__, e)
try:
    print('"%e" % 0', '->', repr("%e" % 0))
except Exception as e:
    print('"%e" % 0', '!!', type(e).__name__, e)
try:
    print('"%g %g %g" % (100000, 1000000, 0.0001)', '->', repr("%g %g %g" % (100000, 1000000, 0.0001)))
except Exception as e:
    print('"%g %g %g" % (100000, 1000000, 0.0001)', '!!', type(e).__name__, e)
try:
    print('"%#o %#x %#X" % (8, 255, 255)', '->', repr("%#o %#x %#X" % (8, 255, 255)))
except Exception as e:
    print('"%#o %#x %#X" % (8, 255, 255)', '!!', type(e).__name__, e)
try:
    print('"%s" % (1, 2)', '->', repr("%s" % (1, 2)))
except Exception as e:
    print('"%s" % (1, 2)', '!!', type(e).__name__, e)
try:
    print('"%s %s" % [1, 2]', '->', repr("%s %s" % [1, 2]))
except Exception as e:
    print('"%s %s" % [1, 2]', '!!', type(e).__name__, e)
try:
    print('"%r" % "a\'b"', '->', repr("%r" % "a'b"))
except Exception as e:
    print('"%r" % "a\'b"', '!!', type(e).__name__, e)
try:
    print('"%i" % 3.9', '->', repr("%i" % 3.9))
except Exception as e:
    print('"%i" % 3.9', '!!', type(e).__name__, e)
try:
    print('"%d" % 3.9', '->', repr("%d" % 3.9))
except Exception as e:
    print('"%d" % 3.9', '!!', type(e).__name__, e)
try:
    print('"%x" % 3.9', '->', repr("%x" % 3.9))
except Exception as e:
    print('"%x" % 3.9', '!!', type(e).__name__, e)
try:
    print('"{:c}".format(9731)', '->', repr("{:c}".format(9731)))
except Exception as e:
    print('"{:c}".format(9731)', '!!', type(e).__name__, e)
try:
    print('"{:,d}".format(-1234)', '->', repr("{:,d}".format(-1234)))
except Exception as e:
    print('"{:,d}".format(-1234)', '!!', type(e).__name__, e)
try:
    print('"{:_b}".format(255)', '->', repr("{:_b}".format(255)))
except Exception as e:
    print('"{:_b}".format(255)', '!!', type(e).__name__, e)
try:
    print('"{:08.2%}".format(0.123)', '->', repr("{:08.2%}".format(0.123)))
except Exception as e:
    print('"{:08.2%}".format(0.123)', '!!', type(e).__name__, e)
try:
    print('"{:+.1e}".format(-0.0)', '->', repr("{:+.1e}".format(-0.0)))
except Exception as e:
    print('"{:+.1e}".format(-0.0)', '!!', type(e).__name__, e)
try:
    print('"{:.3}".format(1.23456)', '->', repr("{:.3}".format(1.23456)))
except Exception as e:
    print('"{:.3}".format(1.23456)', '!!', type(e).__name__, e)
try:
    print('"{:.0e}".format(12345)', '->', repr("{:.0e}".format(12345)))
except Exception as e:
    print('"{:.0e}".format(12345)', '!!', type(e).__name__, e)
try:
    print('"{:#.0f}".format(1)', '->', repr("{:#.0f}".format(1)))
except Exception as e:
    print('"{:#.0f}".format(1)', '!!', type(e).__name__, e)
try:
    print('"{:>08}".format(-5)', '->', repr("{:>08}".format(-5)))
except Exception as e:
    print('"{:>08}".format(-5)', '!!', type(e).__name__, e)
try:
    print('"{:=8}".format(-5)', '->', repr("{:=8}".format(-5)))
except Exception as e:
    print('"{:=8}".format(-5)', '!!', type(e).__name__, e)
try:
    print('"{:x<8}".format(-5)', '->', repr("{:x<8}".format(-5)))
except Exception as e:
    print('"{:x<8}".format(-5)', '!!', type(e).__name__, e)
try:
    print('"{0:{fill}{align}{width}}".format("s", fill="~", align="^", width=7)', '->', repr("{0:{fill}{align}{width}}".format("s", fill="~", align="^", width=7)))
except Exception as e:
    print('"{0:{fill}{align}{width}}".format("s", fill="~", align="^", width=7)', '!!', type(e).__name__, e)
try:
    print('"{!a}".format("é")', '->', repr("{!a}".format("é")))
except Exception as e:
    print('"{!a}".format("é")', '!!', type(e).__name__, e)
try:
    print('"{0.__class__.__name__}".format(1)', '->', repr("{0.__class__.__name__}".format(1)))
except Exception as e:
    print('"{0.__class__.__name__}".format(1)', '!!', type(e).__name__, e)
try:
    print('"{0[a]}".format({"a": 5})', '->', repr("{0[a]}".format({"a": 5})))
except Exception as e:
    print('"{0[a]}".format({"a": 5})', '!!', type(e).__name__, e)
try:
    print('f"{\'a\' \'b\'}"', '->', repr(f"{'a' 'b'}"))
except Exception as e:
    print('f"{\'a\' \'b\'}"', '!!', type(e).__name__, e)
try:
    print('f"{1:{\'>\'}{5}}"', '->', repr(f"{1:{'>'}{5}}"))
except Exception as e:
    print('f"{1:{\'>\'}{5}}"', '!!', type(e).__name__, e)
try:
    print('f"{3.14159:.{2}f}"', '->', repr(f"{3.14159:.{2}f}"))
except Exception as e:
    print('f"{3.14159:.{2}f}"', '!!', type(e).__name__, e)
try:
    print('f"{[1, 2][0]}"', '->', repr(f"{[1, 2][0]}"))
except Exception as e:
    print('f"{[1, 2][0]}"', '!!', type(e).__name__, e)
try:
    print('f"{ {\'a\': 1}[\'a\'] }"', '->', repr(f"{ {'a': 1}['a'] }"))
except Exception as e:
    print('f"{ {\'a\': 1}[\'a\'] }"', '!!', type(e).__name__, e)
try:
    print('f"{\'%s\' % \'x\'}"', '->', repr(f"{'%s' % 'x'}"))
except Exception as e:
    print('f"{\'%s\' % \'x\'}"', '!!', type(e).__name__, e)
try:
    print('str(1e100)', '->', repr(str(1e100)))
except Exception as e:
    print('str(1e100)', '!!', type(e).__name__, e)
try:
    print('str(-1e-100)', '->', repr(str(-1e-100)))
except Exception as e:
    print('str(-1e-100)', '!!', type(e).__name__, e)
try:
    print('repr(1/3)', '->', repr(repr(1/3)))
except Exception as e:
    print('repr(1/3)', '!!', type(e).__name__, e)
try:
    print('repr(2/3)', '->', repr(repr(2/3)))
except Exception as e:
    print('repr(2/3)', '!!', type(e).__name__, e)
try:
    print('repr(0.1 * 3)', '->', repr(repr(0.1 * 3)))
except Exception as e:
    print('repr(0.1 * 3)', '!!', type(e).__name__, e)
try:
    print('repr(1e16 + 1)', '->', repr(repr(1e16 + 1)))
except Exception as e:
    print('repr(1e16 + 1)', '!!', type(e).__name__, e)
try:
    print('repr(9007199254740993.0)', '->', repr(repr(9007199254740993.0)))
except Exception as e:
    print('repr(9007199254740993.0)', '!!', type(e).__name__, e)
try:
    print('repr(4.35)', '->', repr(repr(4.35)))
except Exception as e:
    print('repr(4.35)', '!!', type(e).__name__, e)
try:
    print('repr(0.000001)', '->', repr(repr(0.000001)))
except Exception as e:
    print('repr(0.000001)', '!!', type(e).__name__, e)
try:
    print('repr(123e-20)', '->', repr(repr(123e-20)))
except Exception as e:
    print('repr(123e-20)', '!!', type(e).__name__, e)
try:
    print('format(1e16, "f")', '->', repr(format(1e16, "f")))
except Exception as e:
    print('format(1e16, "f")', '!!', type(e).__name__, e)
try:
    print('format(float("inf"), "f")', '->', repr(format(float("inf"), "f")))
except Exception as e:
    print('format(float("inf"), "f")', '!!', type(e).__name__, e)
try:
    print('format(float("nan"), "+.2f")', '->', repr(format(float("nan"), "+.2f")))
except Exception as e:
    print('format(float("nan"), "+.2f")', '!!', type(e).__name__, e)
try:
    print('format(-float("inf"), "e")', '->', repr(format(-float("inf"), "e")))
except Exception as e:
    print('format(-float("inf"), "e")', '!!', type(e).__name__, e)
try:
    print('format(1.5, "g")', '->', repr(format(1.5, "g")))
except Exception as e:
    print('format(1.5, "g")', '!!', type(e).__name__, e)
try:
    print('format(1234567.0, "g")', '->', repr(format(1234567.0, "g")))
except Exception as e:
    print('format(1234567.0, "g")', '!!', type(e).__name__, e)
try:
    print('format(0.00001, "f")', '->', repr(format(0.00001, "f")))
except Exception as e:
    print('format(0.00001, "f")', '!!', type(e).__name__, e)
try:
    print('format(12, "e")', '->', repr(format(12, "e")))
except Exception as e:
    print('format(12, "e")', '!!', type(e).__name__, e)
try:
    print('format(True, "d")', '->', repr(format(True, "d")))
except Exception as e:
    print('format(True, "d")', '!!', type(e).__name__, e)
try:
    print('format(True, "")', '->', repr(format(True, "")))
except Exception as e:
    print('format(True, "")', '!!', type(e).__name__, e)
try:
    print('format(3, ".2f")', '->', repr(format(3, ".2f")))
except Exception as e:
    print('format(3, ".2f")', '!!', type(e).__name__, e)
try:
    print('format(10**20, ".2e")', '->', repr(format(10**20, ".2e")))
except Exception as e:
    print('format(10**20, ".2e")', '!!', type(e).__name__, e)
try:
    print('format(2**70, ",")', '->', repr(format(2**70, ",")))
except Exception as e:
    print('format(2**70, ",")', '!!', type(e).__name__, e)
