# Source compiled at run time inherits the __future__ features of the code
# that compiles it (exec, eval, compile), unless compile() is told
# dont_inherit; compile()'s flags argument turns features on explicitly.
from __future__ import annotations

import __future__

FUTURE_ANNOTATIONS = __future__.annotations.compiler_flag

exec("def f(x: undefined) -> int: pass\nprint(f.__annotations__)")
print(eval('compile("def g(y: int): pass", "s", "exec").co_flags') & FUTURE_ANNOTATIONS)

code = compile("def h(z: not_defined): pass", "s", "exec", dont_inherit=True)
print(code.co_flags & FUTURE_ANNOTATIONS)
try:
    exec(code, {})
except NameError as e:
    print("NameError:", e)


def inside_function():
    exec("class K:\n    a: list[undefined]\nprint(K.__annotations__)")


inside_function()

explicit = compile("x: y", "s", "exec", flags=FUTURE_ANNOTATIONS, dont_inherit=True)
print(explicit.co_flags & FUTURE_ANNOTATIONS)
print(compile("x: y", "s", "exec", flags=0, dont_inherit=1).co_flags & FUTURE_ANNOTATIONS)
print(compile("x: y", "s", "single").co_flags & FUTURE_ANNOTATIONS)
ns = {}
exec(compile("def k(a: missing): return 1", "s", "exec", 0, False), ns)
print(ns["k"].__annotations__)
