# A CRLF source gives its string values "\n" line ends, raw strings included
# (their backslashes stay; only the line ends change), in docstrings too.
import os
import sys
import tempfile

SOURCE = (
    'r1 = r"""a\r\nb\\\r\nc\r\n"""\r\n'
    'r2 = r"""plain\r\nlines"""\r\n'
    'r3 = R"x\\\r\ny"\r\n'
    'p = """a\r\nb"""\r\n'
    'rb1 = rb"""a\\\r\nb"""\r\n'
    'rf1 = rf"""{1}\\\r\n{2}"""\r\n'
    'def f():\r\n'
    '    r"""Doc \\d\r\n    >>> f()\r\n    """\r\n'
    'lone = r"""a\rb"""\r\n'
)

ns = {}
exec(compile(SOURCE, "<crlf>", "exec"), ns)
for name in ("r1", "r2", "r3", "p", "rb1", "rf1", "lone"):
    print(name, repr(ns[name]))
print("doc", repr(ns["f"].__doc__))

with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, "crlf_mod.py"), "wb") as fh:
        fh.write(SOURCE.encode())
    sys.path.insert(0, d)
    import crlf_mod

    print(repr(crlf_mod.r1), repr(crlf_mod.f.__doc__))
    print(all("\r" not in v for v in (crlf_mod.r1, crlf_mod.r2, crlf_mod.f.__doc__)))
