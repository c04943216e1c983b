# Frame objects from sys._getframe: f_code, f_lineno, f_back, f_locals, f_globals.
import sys

def who():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno

def caller():
    x = 10
    y = "why"
    here = sys._getframe()
    print(here.f_code.co_name, here.f_lineno, sorted(here.f_locals))
    print(here.f_locals["x"], here.f_locals["y"])
    print(here.f_back.f_code.co_name, here.f_back.f_back)
    print(who())
    print(here.f_globals is globals(), here.f_builtins is sys._getframe(0).f_builtins)
    print(type(here.f_lasti).__name__)
    return here

f = caller()
print(type(f).__name__, f.f_code.co_name)
top = sys._getframe()
print(top.f_code.co_name, top.f_back, top.f_lineno)
print(top.f_locals is globals())
try:
    sys._getframe(50)
except ValueError as e:
    print("ValueError:", e)
try:
    sys._getframe("x")
except TypeError as e:
    print("TypeError:", e)

def depth():
    n = 0
    f = sys._getframe()
    while f is not None:
        n += 1
        f = f.f_back
    return n

def rec(k):
    if k == 0:
        return depth()
    return rec(k - 1)

print(depth(), rec(5))

def closure():
    a = 1
    def inner():
        b = a + 1
        return sys._getframe().f_locals
    return inner()

print(sorted(closure().items()))
print(sys._getframe(-3).f_code.co_name)
