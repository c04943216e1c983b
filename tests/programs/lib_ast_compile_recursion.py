# compile() of node objects that nest without end fails with RecursionError
# instead of exhausting the stack; a deep but finite tree compiles.
import ast

e = ast.UnaryOp(op=ast.Not(), lineno=0, col_offset=0)
e.operand = e
try:
    compile(ast.Expression(e), "<test>", "eval")
except RecursionError as ex:
    print("direct:", ex)

e = ast.UnaryOp(op=ast.Not(), lineno=0, col_offset=0)
f = ast.UnaryOp(op=ast.Not(), lineno=0, col_offset=0)
e.operand = f
f.operand = e
try:
    compile(ast.Expression(e), "<test>", "eval")
except RecursionError as ex:
    print("indirect:", ex)

s = ast.If(test=ast.Constant(True, lineno=1, col_offset=0), orelse=[], lineno=1, col_offset=0)
s.body = [s]
try:
    compile(ast.Module([s], []), "<test>", "exec")
except RecursionError as ex:
    print("statement:", ex)

x = ast.Constant(1, lineno=1, col_offset=0)
for i in range(500):
    x = ast.UnaryOp(op=ast.USub(), operand=x, lineno=1, col_offset=0)
print(eval(compile(ast.Expression(x), "<test>", "eval")))
