# Code objects compare (and hash) by what they run, not by identity; the file
# name is left out, the constants compare by type and value.
c1 = compile("x = 1\ny = 'a'", "one.py", "exec")
c2 = compile("x = 1\ny = 'a'", "two.py", "exec")
c3 = compile("x = 2\ny = 'a'", "one.py", "exec")
print(c1 == c2, c1 != c2, hash(c1) == hash(c2), len({c1, c2}))
print(c1 == c3, c1 != c3)
print(compile("x = 0", "f", "exec") == compile("x = 0.0", "f", "exec"))
print(compile("x = 0.0", "f", "exec") == compile("x = -0.0", "f", "exec"))
print(compile("x = (1, 'a')", "f", "exec") == compile("x = (1, 'a')", "g", "exec"))


def func(arg):
    return lambda: arg


code = func.__code__
print(code == code.replace(), code == code.replace(co_name="func"))
print(code == code.replace(co_name="other"), code == code.replace(co_firstlineno=1))
print(code.co_consts == code.replace().co_consts)

src = "def f(a, b=2):\n    return a + b\n"
g1, g2 = {}, {}
exec(compile(src, "m1", "exec"), g1)
exec(compile(src, "m2", "exec"), g2)
print(g1["f"].__code__ == g2["f"].__code__, g1["f"] == g2["f"])
cache = {g1["f"].__code__: "first"}
print(cache.get(g2["f"].__code__))
import codeop

print(codeop.compile_command("") == compile("pass", "<input>", "single"))
