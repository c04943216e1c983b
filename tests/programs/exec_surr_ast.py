# Lone surrogates through eval, compile, exec and the ast module.
import ast

print(repr(eval("'\\udc80'")), len(eval("'a\\ud800b'")))
code = compile("x = '\\udc81' + 'y'\nz = '\\ud800' == '\\ufffd'", "<surr>", "exec")
print([repr(c) for c in code.co_consts])
ns = {}
exec(code, ns)
print(repr(ns['x']), ns['z'])

tree = ast.parse("s = 'surrogate\\udc80'\nt = b'\\xff'")
print(ast.dump(tree))
const = tree.body[0].value
print(repr(const.value), len(const.value), type(const.value).__name__)
print(repr(ast.literal_eval("['\\udcff', '\\ud800\\udc00', {'\\udfff': 1}]")))

# A tree holding a surrogate str compiles back to the same constant.
mod = ast.Module(body=[ast.Expr(ast.Constant('\udc80\ud800'))], type_ignores=[])
ast.fix_missing_locations(mod)
c2 = compile(mod, "<tree>", "exec")
print([repr(c) for c in c2.co_consts])
e = ast.Expression(ast.Constant('x\udfffy'))
ast.fix_missing_locations(e)
print(repr(eval(compile(e, "<e>", "eval"))))
print(ast.unparse(ast.parse("'\\udc80'")))
print(repr(ast.get_docstring(ast.parse("'''doc\\udc80'''"))))
