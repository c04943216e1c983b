# code.replace() of the constant and name tables: checks, the locals-plus
# layout, and constants no .pyc holds.
import marshal
def f(a, b=2):
    x = a + b
    def g():
        return x
    return g() * 10 + len("abc")
c = f.__code__
print(c.co_consts[0], c.co_consts[2:], c.co_names, c.co_varnames, c.co_cellvars, c.co_freevars, c.co_nlocals)
c3 = c.replace(co_names=("len",))
print(c3.co_names)
c4 = c.replace(co_varnames=("p", "q", "g"))
print(c4.co_varnames, c4.co_cellvars, c4.co_nlocals)
for kw in [dict(co_consts=[1]), dict(co_names=(1,)), dict(co_varnames=("a",)), dict(co_nlocals=7), dict(co_nlocals=3), dict(co_freevars=("z",)), dict(co_names=["x"]), dict(co_varnames=("a","b","g","extra")), dict(co_cellvars=("x","y")), dict(co_cellvars=("a", "x"))]:
    try:
        r = c.replace(**kw)
        print(list(kw), "ok", r.co_varnames, r.co_cellvars, r.co_freevars, r.co_nlocals, r._varname_from_oparg(0))
    except Exception as e:
        print(list(kw), type(e).__name__, e)
def h():
    return 1
h.__code__ = h.__code__.replace(co_consts=(None, [1, 2]))
print(h(), h.__code__.co_consts)
def h2():
    return 1
h2.__code__ = h2.__code__.replace(co_consts=(None, (5, "x", b"y", 1.5, frozenset({1}))))
print(h2(), marshal.loads(marshal.dumps(h2.__code__)).co_consts)
def k():
    return len
k.__code__ = k.__code__.replace(co_names=("abs",))
print(k())
def v(a):
    b = a * 2
    return b
v.__code__ = v.__code__.replace(co_varnames=("first", "second"))
print(v(21), v.__code__.co_varnames)
try:
    v(first=1)
except TypeError as e:
    print("TypeError", e)
print(v(first=4))
