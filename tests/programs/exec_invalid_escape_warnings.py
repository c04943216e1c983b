# The parser's DeprecationWarning for invalid escape sequences: one per
# literal token (per literal part of an f-string), the first escape only,
# attributed to the token's first line; a filter that raises turns it into a
# SyntaxError pointing at the token.
import ast
import codecs
import subprocess
import sys
import warnings

SOURCES = [
    "x = '\\d'",
    "x = '''\nab\\d'''",
    "x = 'ok' '\\d' '\\q'",
    "x = '\\d\\q'",
    "x = b'\\d'",
    "x = b'\\777'",
    "x = '\\777'",
    "x = '\\400'",
    "x = '\\377\\d'",
    "x = '\\8\\9'",
    "x = '\\\u00e9'",
    "x = r'\\d' '\\n'",
    "x = rb'\\d' b'\\q'",
    "x = u'\\d'",
    "x = f'\\d{1}\\q'",
    "x = f'{1}\\d'",
    "x = f'\\{1}'",
    "x = f'\\{{'",
    "x = f'a\\}}'",
    "x = f'{1:\\d\\q}'",
    "x = f'{1:{2}\\d}'",
    "x = '\\N{DIGIT ONE}\\d'",
    "if 1:\n    y = 2\n    x = ( 1,\n  '\\d')",
    "x = 1\ny = '\\d' if x is 1 else 2",
]

print("-- recorded")
for src in SOURCES:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        compile(src, "f", "exec")
    print(repr(src), [(w.category.__name__, str(w.message), w.filename, w.lineno) for w in caught])

print("-- as errors")
for src in SOURCES:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(src, "f", "exec")
            print("ok", repr(src))
        except SyntaxError as e:
            print(repr(src), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))

print("-- ast.parse and codecs")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    ast.parse("s = '\\d'")
    print(codecs.escape_decode(b"a\\d\\777"))
print([(w.category.__name__, str(w.message)) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        codecs.escape_decode(b"\\777")
    except DeprecationWarning as e:
        print("DeprecationWarning:", e)

print("-- a script under -W")
script = "s = 'a\\d'\nprint(s)\n"
for option in ["default", "error", "ignore"]:
    p = subprocess.run([sys.executable, "-W", option, "-c", script], capture_output=True, text=True)
    print(option, p.returncode, repr(p.stdout), repr(p.stderr))
p = subprocess.run([sys.executable, "-c", "exec(" + repr(script) + ")"], capture_output=True, text=True)
print("default filters", p.returncode, repr(p.stdout), repr(p.stderr))

print("-- the unicode_escape codec")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(b"\\d\\q".decode("unicode_escape"))
    print(codecs.unicode_escape_decode(b"a\\777\\d"))
    print(codecs.unicode_escape_decode(b"a\\\xe9"))
    print(codecs.raw_unicode_escape_decode(b"a\\d"))
    decoder = codecs.getincrementaldecoder("unicode_escape")()
    print(decoder.decode(b"\\d"), decoder.decode(b"\\"), decoder.decode(b"q", final=True))
print([(w.category.__name__, str(w.message)) for w in caught])
