import ast

src = '''
"""Module doc."""
import os.path as p
from . import x

def f(a, /, b: int = 1, *args, c, d=2, **kw) -> str:
    """Function doc."""
    return f"{a!r:>{b}} {c}"

class C(Base, metaclass=M):
    x: int = 0
    async def g(self):
        async with a as b, c:
            await b
        async for i in aiter():
            yield i

for i, j in enumerate(range(10)):
    if i % 2 and not j or i > 3 >= 2:
        continue
    elif i:
        break
    else:
        pass
while x := next(it, None):
    del x[0], y.z
try:
    raise ValueError("bad") from None
except (TypeError, ValueError) as e:
    print(e)
else:
    pass
finally:
    lambda x, *y: (x, *y)
match command.split():
    case [action, obj] if obj:
        pass
    case Point(x=0, y=0) | {"k": 1, **rest} | [1, *others] | None:
        pass
    case _:
        pass
s = {1, 2}; d = {**d, 'a': 1}; l = [x for x in y if x for z in x]
g = (i for i in ()); dc = {k: v for k, v in items}; sc = {e for e in s}
v = a[1:2:3, ...] @ b ** -c // d << 2 | 3 ^ 4 & ~5
global q
'''
tree = ast.parse(src)
print(ast.dump(tree))
print(ast.dump(tree, indent=1, include_attributes=True)[:3000])
print(ast.dump(tree, annotate_fields=False)[:500])
print(ast.unparse(tree))
print(ast.get_docstring(tree, clean=False), ast.get_docstring(tree.body[3], clean=False))
print(sorted({type(n).__name__ for n in ast.walk(tree)}))
print(ast.dump(ast.parse("x + 1", mode="eval")))
print(ast.dump(ast.parse("x = 1", mode="single")))
print(ast.dump(ast.parse("x = 1  # type: int", type_comments=True)))
print(ast.dump(ast.parse("x = [1, 2.5, 3j, 'é', b'\\x00', True, None, ..., 10**30]")))
print(ast.literal_eval("{'a': [1, -2.5, (3, 4j)], 'b': {1, 2}, 'c': b'x', 'd': None}"))
print(ast.literal_eval(ast.parse("1 + 2j", mode="eval")))
try:
    ast.literal_eval("f(x)")
except ValueError as e:
    print("ValueError", e)
try:
    ast.parse("x = (")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno, e.offset)
n = tree.body[3]
print(type(n).__name__, n.lineno, n.col_offset, n.end_lineno, n.end_col_offset)
print(ast.get_source_segment(src, n.body[1]))
t = ast.parse("lambda: 1", mode="eval")
print(isinstance(t, ast.Expression), isinstance(t.body, ast.expr), isinstance(t.body, ast.stmt))
print(ast.Load() is ast.Load(), type(ast.parse("a").body[0].value.ctx).__name__)
