# compile()'s optimize levels: asserts and `if __debug__:` blocks go at 1,
# docstrings too at 2; PyCF_ALLOW_TOP_LEVEL_AWAIT makes a coroutine of a module.
import ast
import asyncio

SRC = '''
"""module doc"""
class C:
    """class doc"""
def f():
    """function doc"""
    assert False, "boom"
    if __debug__:
        print("debug block")
    return __debug__
print(f(), __doc__ == "module doc", C.__doc__, f.__doc__)
'''

for level in (-1, 0, 1, 2):
    code = compile(SRC, "<opt>", "exec", optimize=level)
    try:
        exec(code, {"__name__": "m"})
    except AssertionError as e:
        print(level, "AssertionError", e)
    fcode = next(c for c in code.co_consts if hasattr(c, "co_name") and c.co_name == "f")
    print(level, "f consts", fcode.co_consts[0])

tree = ast.parse("assert 0, 'tree'\nprint('after assert', __debug__)")
for level in (0, 1):
    try:
        exec(compile(tree, "<tree>", "exec", optimize=level), {})
    except AssertionError as e:
        print("tree", level, e)

try:
    compile("1", "<bad>", "eval", optimize=3)
except ValueError as e:
    print(e)

flag = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
for src in ("x = 1", "await x", "async for i in y: pass", "async with z: pass",
            "[i async for i in y]", "def g(): await x"):
    try:
        c = compile(src, "<tla>", "exec", flags=flag)
        print(repr(src), bool(c.co_flags & 0x80))
    except SyntaxError as e:
        print(repr(src), "SyntaxError", e.msg)
    try:
        compile(src, "<plain>", "exec")
        print(repr(src), "compiles without the flag")
    except SyntaxError as e:
        print(repr(src), "SyntaxError", e.msg)


async def value():
    await asyncio.sleep(0)
    return 5


class Agen:
    def __init__(self):
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.i += 1
        if self.i > 3:
            raise StopAsyncIteration
        return self.i


ns = {"value": value, "Agen": Agen}
code = compile("y = await value()\ntotal = 0\nasync for i in Agen():\n    total += i\n",
               "<tla>", "exec", flags=flag)
result = eval(code, ns)
print(type(result).__name__)
print(asyncio.run(result), ns["y"], ns["total"])
