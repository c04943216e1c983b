# ast.Constant holding a frozenset: compiled, dumped and run as CPython does.
import ast
for v in [frozenset(), frozenset('frozenset'), frozenset({frozenset({frozenset({frozenset({1}), 2}), 2}), 2}), frozenset({1, 2.5, 'a', (1, 2)})]:
    t = ast.Module([ast.Assign([ast.Name('x', ast.Store())], ast.Constant(v))], [])
    ast.fix_missing_locations(t)
    print(ast.dump(t.body[0].value) == "Constant(value=%r)" % (v,))
    ns = {}
    exec(compile(t, "<s>", "exec"), ns)
    print(ns['x'] == v, type(ns['x']).__name__)
e = ast.Expression(ast.Compare(ast.Name('y', ast.Load()), [ast.In()], [ast.Constant(frozenset({1, 2}))]))
ast.fix_missing_locations(e)
print(eval(compile(e, "<e>", "eval"), {'y': 2}))
