import sys
g = {"__builtins__": {"len": len, "print": print}}
exec("print(len('abc'))", g)
try:
    exec("print(abs(-1))", g)
except NameError as e:
    print("NameError:", e)
g2 = {"__builtins__": {}}
try:
    exec("x = int('3')", g2)
except NameError as e:
    print("NameError:", e)
print(eval("a + 1", {"__builtins__": {}, "a": 2}))
try:
    eval("len([])", {"__builtins__": {}})
except NameError as e:
    print("NameError:", e)
import math
g3 = {"__builtins__": math}
print(eval("sqrt(16) + floor(2.5)", g3))
g4 = {}
exec("y = 1", g4)
print(type(g4["__builtins__"]).__name__, sorted(k for k in g4 if k != "__builtins__"))
def f():
    return max(1, 2)
g5 = {"__builtins__": {"max": lambda a, b: "custom"}, "f": f}
exec("r = f()", g5)
print(g5["r"])
exec("def h(): return max(3, 4)\nr2 = h()", g5)
print(g5["r2"])
class B(dict):
    def __missing__(self, k):
        return lambda *a: "missing " + k
try:
    print(eval("foo(1)", {"__builtins__": B()}))
except NameError as e:
    print("NameError:", e)
try:
    exec("import os", {"__builtins__": {}})
except ImportError as e:
    print("ImportError:", e)
try:
    exec("class A: pass", {"__builtins__": {}})
except NameError as e:
    print("NameError:", e)
exec("print(type(__builtins__))", {"sys_mod": sys})
print(eval("__builtins__", {"__builtins__": {"k": 1}}))
# Builtins written after the first lookup are seen (no stale cache).
bd = {"print": print}
code = compile("def g():\n    return tag()\n", "<m>", "exec")
ns = {"__builtins__": bd}
exec(code, ns)
try:
    ns["g"]()
except NameError as e:
    print("NameError:", e)
bd["tag"] = lambda: "tag v1"
print(ns["g"]())
bd["tag"] = lambda: "tag v2"
print(ns["g"]())
# A module's globals: a global shadows a builtin, deleting it unshadows.
exec("len = lambda x: -1\nprint(len('ab'))\ndel len\nprint(len('ab'))", {})
