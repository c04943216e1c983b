# Compile-time SyntaxWarnings go through the warnings module: they can be
# recorded, filtered, and turned into SyntaxErrors at the warning's position.
import warnings

SOURCES = [
    'assert(x, "msg")',
    'y = 2\nif x is 1: pass',
    '[(1, 2) (3, 4)]',
    'f(x is not "a")',
    'def f():\n    return (1)(2)',
    '(1, 2)[1.5]',
    '"abc"["x"]',
    'x = 1\ny = 2\nz = x is ()',
]

for src in SOURCES:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        compile(src, "<case>", "exec")
    print(repr(src))
    for w in caught:
        print("  warned:", w.category.__name__, w.lineno, w.filename, w.message)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(src, "<case>", "exec")
            print("  compiled")
        except SyntaxError as e:
            print("  error:", e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset), repr(e.text))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("ignore")
        compile(src, "<case>", "exec")
    print("  ignored:", len(caught))

# A filter on the message only.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.filterwarnings("error", message='"is" with a literal')
    try:
        compile("a is 1\nassert (a, 1)", "<filtered>", "exec")
    except SyntaxError as e:
        print("filtered:", e.msg, e.lineno, e.offset)
    print([str(w.message) for w in caught])

# Default filters print each warning on stderr once compiled.
with warnings.catch_warnings():
    warnings.resetwarnings()
    warnings.simplefilter("default")
    exec(compile("q = 5\nprint(q is 5)", "<shown>", "exec"))
