# ast.parse(..., feature_version=(3, N)): syntax newer than 3.N is a SyntaxError with CPython's messages.
import ast
srcs = ['with (a): pass', 'with (a, b): pass', 'with (a), (b): pass', 'with (a) as b: pass',
        'with (a as b): pass', 'with (a, b) as c: pass', 'with (a,\n  b,\n):\n  pass',
        'async def f():\n  async with (a as b): pass',
        'x = 1_000', 'x = 1_0.5j', 'async def f(): await x', 'async def f(): pass',
        'async def f():\n  async for x in y: pass', 'x: int = 1', '(x): int = 1', 'a.b: int',
        'match x:\n case 1: pass', 'f"{x=}"', 'f"{x=!r:>10}"', 'f"{x == y}"', 'f"{x = }"', 'f"{x}"',
        'a[*b]', 'def f(*, a): pass', 'lambda x, /: x', 'def f(a, b=1, /): pass',
        'async def f(): [x async for x in y]', 'async def f(): {x: 1 async for x in y}',
        '(x := 0)', 'try: pass\nexcept* E: pass', 'if (n := len(a)) > 10: pass',
        'print(f"{(y:=1)}")']
for src in srcs:
    for v in (4, 5, 7, 8, 9, 10, 11):
        try:
            ast.parse(src, feature_version=(3, v))
            print(v, repr(src), 'ok')
        except SyntaxError as e:
            print(v, repr(src), e.msg)
for v in (None, -1, 11, 12, (3, 4)):
    try:
        ast.parse('match x:\n case 1: pass', feature_version=v)
        print(v, 'ok')
    except SyntaxError as e:
        print(v, e.msg)
print(type(compile('(x := 1)', '<s>', 'exec', _feature_version=4)).__name__)
