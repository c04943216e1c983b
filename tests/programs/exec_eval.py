x = 10
exec("y = x * 2")
print(y)
g = {}
exec("a = 1\nb = a + 1", g)
print(g["b"], "__builtins__" in g)
print(eval("x + y"))
print(eval("  1 + 2"))
print(eval("a * 10", g))
print(eval("q", {}, {"q": 5}))
c = compile("z = 3", "<mine>", "exec")
print(type(c).__name__, c.co_filename)
exec(c)
print(z)
print(eval(compile("2 ** 10", "<e>", "eval")))
def f():
    loc = 1
    other = "s"
    return sorted(locals().items())
print(f())
print("x" in globals())
try:
    exec("1 +")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text), e.filename, str(e))
try:
    eval("if")
except SyntaxError as e:
    print(e)
try:
    compile("x", "f", "bad")
except ValueError as e:
    print(e)
try:
    exec("def f():\n\treturn 1\n        pass")
except SyntaxError as e:
    print(type(e).__name__, e)
try:
    exec(5)
except TypeError as e:
    print(e)
try:
    eval([])
except TypeError as e:
    print(e)
try:
    exec("1/0")
except ZeroDivisionError as e:
    print("zde", e)
exec("print('is' is 'is')")
exec("x = (1,\n  2")
