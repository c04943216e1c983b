# Errors the tokenizer raises itself show their line without its line end;
# a `\` continuation inside indentation keeps the first line's columns;
# U+00A0 is not white space to the compiler.
SOURCES = [
    'a = (]\n', 'x = )\n', '0x\n', 'b = 1_\n', 'x = "abc\n', 'x = 1\n"""abc\n\n',
    'a ¤ b\n', '\xa0\n', 'x = 1\xa0\n', '\xa0x\n', 'x = 1\x01\n',
    'if x:\n  a\n b\n', 'x = 1 \\ 2\n', 'x = (1 +\n',
    '\npass\n    \\\n\npass\n',
    'def f():\n    \\\n"""doc"""\n    \\\nreturn 1\n',
    'if 1:\n    \\\n  \\\n        x = 1\n',
    'if 1:\n    \\',
]
for src in SOURCES:
    try:
        compile(src, 'f', 'exec')
        print(repr(src), 'ok')
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.args)
