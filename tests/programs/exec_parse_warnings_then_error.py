# The parser warns (DeprecationWarning, invalid escape sequences) as it
# parses, so the warnings of literals before a syntax error are issued
# before the error is raised; a filter that makes one an error raises that
# SyntaxError instead. The same for compile errors after a good parse, for
# ast.parse, and for a script run by a child interpreter.
import ast
import subprocess
import sys
import warnings

SOURCES = [
    'x = "\\d"\ny = (\n',
    'x = "\\d"\n1 +\n',
    'x = "\\d" + "\\q"\ndef f(:\n',
    'x = 1 +\ny = "\\d"\n',
    'x = "\\d"\nnonlocal x\n',
    'def f():\n    x = "\\d"\n    return\n    yield from\n',
    'x = b"\\d"\ny = "ok"\nz = f"\\q{1}"\nw = [\n',
]

for src in SOURCES:
    print(repr(src))
    for how in ("compile", "ast.parse"):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                if how == "compile":
                    compile(src, "<s>", "exec")
                else:
                    ast.parse(src)
            except SyntaxError as e:
                print(" ", how, "SyntaxError:", e.msg, e.lineno, e.offset)
            print(" ", how, [(w.category.__name__, str(w.message), w.lineno) for w in caught])
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            try:
                if how == "compile":
                    compile(src, "<s>", "exec")
                else:
                    ast.parse(src)
            except SyntaxError as e:
                print(" ", how, "as error:", e.msg, e.lineno, e.offset)

for opt in (["-W", "always"], ["-W", "error"], []):
    for src in SOURCES[:2] + SOURCES[4:5]:
        p = subprocess.run([sys.executable, *opt, "-c", src], capture_output=True, text=True)
        print(opt, p.returncode)
        for line in p.stderr.splitlines():
            print("  |", line)
