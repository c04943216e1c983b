# Where compile() places syntax errors found at a line end: a missing
# indented block at the end of the input (after blank, space-only and
# comment lines) and at an unindent, and errors at a NEWLINE that follows a
# comment (CPython's NEWLINE token then spans the comment).
import traceback

SOURCES = [
    "def f():\n",
    "def f():\n\n",
    "def f():\n    \n",
    "def f():\n  # nothing yet\n",
    "if x:\n\n\n",
    "for x in y:\n\n  \n",
    "class A:\n  def f():\n\n",
    "class A:\n  def f():\n  # later\n",
    "class A:\n  def f():\n\nx = 1\n",
    "if a:\n  if b:\n# c\nelse:\n  pass\n",
    "def f():\nx = 1\n",
    "while True:\n  pass\n  if x:\n",
    "if x # c\n  pass\n",
    "x = # c\n",
    "x = 1 +  # hello\n",
    "def f() # c\n  pass\n",
    "from a import b,  # c\n",
    "def f # c\n",
    "x = 1 +\n",
]

for mode in ("exec", "single"):
    for src in SOURCES:
        try:
            compile(src, "<src>", mode)
        except SyntaxError as e:
            print(mode, repr(src))
            print("  ", type(e).__name__, e.args[1][1:3], e.end_lineno, e.end_offset, repr(e.text))
            print("".join(traceback.format_exception_only(type(e), e)), end="")
        else:
            print(mode, repr(src), "compiled")

for src in ["c # continue\n> more\n", "x = 1\ny = 2\n", "a = 1  # one\nb\n"]:
    try:
        compile(src, "<src>", "single")
    except SyntaxError as e:
        print(repr(src), e.args[1][1:3], e.end_lineno, e.end_offset)
        print("".join(traceback.format_exception_only(type(e), e)), end="")
