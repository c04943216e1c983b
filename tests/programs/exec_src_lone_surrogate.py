# Source text is encoded to UTF-8 before it is parsed: a lone surrogate in a
# str source is an encoding error, reported with its position.
sources = [chr(0xD800), "x = 1 + '\udcff'", "# comment \ud812\npass", "ok = 1"]
for src in sources:
    for run in (eval, exec):
        try:
            run(src, {})
            print(run.__name__, "ran")
        except UnicodeEncodeError as e:
            print(run.__name__, type(e).__name__, e.encoding, e.start, e.end, e.reason)
        except SyntaxError as e:
            print(run.__name__, "SyntaxError", e.msg)
    try:
        compile(src, "<src>", "exec")
        print("compile ok")
    except UnicodeEncodeError as e:
        print("compile", e)

# Bytes are decoded by the parser instead.
print(eval(b"'\\xe9'"))

# compile()'s flags and optimize are C ints, converted before use.
for kwargs in [
    {"optimize": 1 << 200},
    {"optimize": -(1 << 40)},
    {"flags": 1 << 64},
    {"optimize": "2"},
    {"flags": 2.5},
    {"optimize": -3},
    {"optimize": True},
]:
    try:
        code = compile("y = 2", "<k>", "exec", **kwargs)
        print(sorted(kwargs), "compiled", type(code).__name__)
    except (OverflowError, TypeError, ValueError) as e:
        print(sorted(kwargs), type(e).__name__, e)
