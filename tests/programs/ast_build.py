import ast
import copy

n = ast.Name(id='x', ctx=ast.Load())
print(ast.dump(n), n._fields, n._attributes, ast.Name.__match_args__)
print(ast.Name('y'), ast.Name('y').id, ast.Constant(5).kind, ast.Return().value)
print(ast.AST._fields, ast.expr._fields, ast.stmt._attributes, ast.arguments._fields)
print(ast.Name.__mro__, ast.Name.__module__, ast.Add.__bases__)
print(ast.comprehension._fields, ast.ExceptHandler.__bases__, ast.alias._attributes)
for args in [('a', 'b', 'c'), (1,) * 3]:
    try:
        ast.Name(*args)
    except TypeError as e:
        print(e)
try:
    ast.Load(1)
except TypeError as e:
    print(e)
try:
    ast.Expr(1, 2)
except TypeError as e:
    print(e)
try:
    print(ast.Name('z').ctx)
except AttributeError as e:
    print(e)

match ast.parse("f(1)").body[0]:
    case ast.Expr(ast.Call(ast.Name(name), [ast.Constant(v)])):
        print("matched", name, v)

tree = ast.Module(
    body=[ast.Expr(ast.Call(ast.Name('print', ast.Load()), [ast.Constant('hi'), ast.BinOp(ast.Constant(2), ast.Mult(), ast.Constant(21))], []))],
    type_ignores=[],
)
ast.fix_missing_locations(tree)
exec(compile(tree, '<built>', 'exec'))
print(eval(compile(ast.Expression(ast.Constant(42, lineno=1, col_offset=0)), '<e>', 'eval')))

class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node

class Names(ast.NodeVisitor):
    def __init__(self):
        self.names = []
    def visit_Name(self, node):
        self.names.append(node.id)
        self.generic_visit(node)

t = ast.parse("a = 1 + b * 2\nprint(a, c)\n")
v = Names(); v.visit(t); print(v.names)
t2 = Double().visit(copy.deepcopy(t))
print(ast.unparse(t2))
ns = {'b': 10, 'c': 3}
exec(compile(t2, '<t2>', 'exec'), ns)
print(ns['a'])
ast.increment_lineno(t2, 5)
print(t2.body[1].lineno, t2.body[1].value.lineno)

bad = [
    ast.Module(body=[]),
    ast.Module(body=[ast.Expr(ast.Name('x', ast.Load()))], type_ignores=[]),
    ast.Module(body=[ast.Expr(5, lineno=1, col_offset=0)], type_ignores=[]),
    ast.Module(body=[ast.Expr(None, lineno=1, col_offset=0)], type_ignores=[]),
    ast.Module(body=[ast.Expr(ast.Load(), lineno=1, col_offset=0)], type_ignores=[]),
    ast.Expression(body=ast.Constant([1], lineno=1, col_offset=0)),
    ast.Expression(body=ast.Name(3, ast.Load(), lineno=1, col_offset=0)),
    ast.Expression(body=ast.List(3, ast.Load(), lineno=1, col_offset=0)),
    ast.Expression(body=ast.Name('x', 5, lineno=1, col_offset=0)),
    ast.Expression(body=ast.Name('x', lineno=1, col_offset=0)),
]
for t in bad:
    try:
        compile(t, 'f', 'exec' if isinstance(t, ast.Module) else 'eval')
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    compile(ast.Expression(ast.Constant(1)), 'f', 'exec')
except TypeError as e:
    print(e)
print(compile("x = 1", "f", "exec", ast.PyCF_ONLY_AST).__class__.__name__)
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(isinstance(ast.Constant(1), ast.Num), isinstance(ast.Constant('s'), ast.Str), ast.Num(3).n)
print(ast.dump(ast.Str('x')), ast.Bytes, ast.NameConstant, ast.Ellipsis)
print(ast.dump(ast.parse('x').body[0], include_attributes=True))

m = ast.Module([ast.ImportFrom('os', [ast.alias('path')], lineno=1, col_offset=0)], [])
ast.fix_missing_locations(m)
exec(compile(m, 'x', 'exec'))
print(path.__name__, ast.ImportFrom.level, ast.dump(ast.parse("from . import x")))
n = ast.Name('x', ast.Load(), lineno=3)
print(n.lineno, n.end_lineno, sorted(vars(n)))


class MyName(ast.Name):
    pass


e = ast.Expression(MyName('q', ast.Load(), lineno=1, col_offset=0))
print(eval(compile(e, 'x', 'eval'), {'q': 7}))
t = ast.parse("1")
print(compile(t, 'a', 'exec', flags=ast.PyCF_ONLY_AST) is t)
for args in [(t, 'a', 'func_type'), (5, 'a', 'exec', ast.PyCF_ONLY_AST), ("x = 1\0", 'a', 'exec', ast.PyCF_ONLY_AST)]:
    try:
        compile(*args)
    except (TypeError, ValueError, SyntaxError) as exc:
        print(type(exc).__name__, exc)
try:
    ast.parse("def f():\n  x\n    y")
except SyntaxError as exc:
    print(type(exc).__name__, exc)
print(ast.dump(ast.parse("u'z'")), ast.unparse(ast.parse("f'{x!r:>10}' 'y'")))
print(ast.dump(ast.parse("async def f(): await x", feature_version=(3, 8))))
for src in ["return 1", "nonlocal x", "def f():\n    x = 1\n    global x\n"]:
    try:
        compile(ast.parse(src), "<tree>", "exec")
    except SyntaxError as exc:
        print(type(exc).__name__, exc.msg, exc.lineno, exc.offset, exc.end_lineno, exc.end_offset, exc.text)
