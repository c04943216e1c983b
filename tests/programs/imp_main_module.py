# sys.modules['__main__'], module __dict__ and module __getattr__ (PEP 562).
import sys
import __main__
print(__main__.__name__, __main__ is sys.modules['__main__'])
x = 5
print(__main__.x, __main__.__dict__ is globals())
def f():
    import __main__ as m
    return m.x
print(f())
import sys as _s
print(type(_s.__dict__).__name__, _s.__dict__["__name__"])
def __getattr__(name):
    if name.startswith("dyn_"):
        return name[4:] * 2
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
print(__main__.dyn_ab)
try:
    __main__.other
except AttributeError as e:
    print(e)
print(getattr(__main__, "missing", "default"), hasattr(__main__, "dyn_x"))
