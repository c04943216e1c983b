# _tokenize.TokenizerIter: the compiler's tokenizer as CPython 3.11's C
# tokenizer shows it (exact operator types, NEWLINE holding a comment,
# INDENT/DEDENT without columns, line buffers spanning continuations).
import _tokenize

SOURCES = [
    'if x:\n  y = """a\nb"""  # c\n\n  z(1,\n 2)\nélan = 3\n',
    'x = 1 \\\n + 2\n',
    'a\r\nb\rc',
    'async def f(): await x\n',
    'def f():\n  pass\n\n\n',
    'if x:\n  a\n# c\nb\n',
    '\ndef fib(n):\n    \\\n"""doc"""\n    \\\na, b = 0, 1\n',
    '\npass\n    \\\n\npass\n',
    'x ? y $ z\n',
    '    עִברִית = 1\n',
    '',
    '# only a comment',
]
ERRORS = [
    'x = (1,\n', 'if x:\n    a\n  b\n', 'a\\ b', '\tif x:\n        y\n',
    '0x', '1_', 'a = )\n', 'a = (]\n', 'x = "abc\n', 'x = 1\n"""abc\n\n',
    'é = 0x\n', 'a ¤ b\n', '\xa0', 'x = 1\xa0\n',
]

for src in SOURCES:
    print(repr(src))
    for token in _tokenize.TokenizerIter(src):
        print('   ', token)

for src in ERRORS:
    got = []
    try:
        for token in _tokenize.TokenizerIter(src):
            got.append(token[:2])
        print(repr(src), got, 'no error')
    except SyntaxError as e:
        print(repr(src), got, type(e).__name__, e.args)

it = _tokenize.TokenizerIter(source='x')
print(type(it).__name__, iter(it) is it, list(it), list(it))
for args in [(1,), (), ('a', 'b'), (b'x',)]:
    try:
        _tokenize.TokenizerIter(*args)
    except TypeError as e:
        print('TypeError:', e)
