# ast.parse(mode="func_type"): signature type comments as FunctionType
# trees, and the text of syntax errors in the non-module modes.
import ast
for s in ['(int, str) -> bool', '() -> None', '(*int) -> x', '(**k) -> x', '(a, *b, **c) -> d', '(*a, **b) -> c', '(a, **c) -> d', '(int,) -> str', '(int) -> str\n\n', 'x -> y', '(lambda: 1) -> a if b else c', '(int) -> str # hi', '(List[int], "x") -> Dict[str, int]']:
    try: print(repr(s), ast.dump(ast.parse(s, mode='func_type'), include_attributes=True))
    except SyntaxError as e: print(repr(s), 'SE', e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
t = compile('(int) -> str', 'f', 'func_type', ast.PyCF_ONLY_AST)
print(type(t).__name__, ast.unparse(t) if hasattr(ast, 'unparse') else '')
try:
    compile('(int) -> str', 'f', 'func_type')
except ValueError as e:
    print('ValueError', e)
try:
    compile(t, 'f', 'exec')
except TypeError as e:
    print('TypeError', e)
for mode in ['eval', 'exec', 'single', 'func_type']:
    for s in ['x y', '1 +) 2']:
        try: compile(s, 'f', mode, ast.PyCF_ONLY_AST)
        except SyntaxError as e: print(mode, repr(s), e.msg, e.offset, repr(e.text))
