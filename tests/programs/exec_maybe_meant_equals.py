# CPython's invalid_named_expression inside parenthesized groups and tuples:
# `NAME = value` where an expression is expected asks for '==' or ':=', and
# other targets get "cannot assign to ... here"; a call's keyword arguments
# stay valid.

SOURCES = [
    "(a = 1)",
    "(a, b = 16, 19)",
    "(1, x = 2)",
    "(a, b.c = 1)",
    "(a, b[0] = 1)",
    "foo(x, (y = 1))",
    "x = (a = 1)",
    "if (a = 1): pass",
    "print((n = 3))",
    "[(a = 1)]",
    "(a, b = 1, 2",
    "(a = 1 = 2)",
    "(a = b := 1)",
    "(f(x) = 1)",
    "f(a, b = 1 + 2)",
    "f(x)(y = 2)",
    "d[0](k = 1)",
    "class C(metaclass = type): pass",
    "def g(a, b = 2): pass",
    "(lambda a = 1: a)",
    "'{}'.format(x = 1)",
]

for src in SOURCES:
    try:
        compile(src, "<src>", "exec")
        print(f"{src!r}: ok")
    except SyntaxError as e:
        print(f"{src!r}: {e.msg} (col {e.offset}-{e.end_offset})")
