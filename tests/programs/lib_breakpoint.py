# breakpoint() and sys.breakpointhook (PEP 553).
import os
import sys
import warnings

print(sys.breakpointhook is sys.__breakpointhook__)

calls = []
def hook(*args, **kw):
    calls.append((args, kw))
    return "hooked"
sys.breakpointhook = hook
print(breakpoint(1, 2, x=3), calls)
sys.breakpointhook = lambda: None
try:
    breakpoint(1)
except TypeError as e:
    print("TypeError", e)
sys.breakpointhook = sys.__breakpointhook__

# $PYTHONBREAKPOINT names the hook: a builtin, a dotted name, 0 for none.
os.environ["PYTHONBREAKPOINT"] = "int"
print(repr(breakpoint("7")))
os.environ["PYTHONBREAKPOINT"] = "os.path.join"
print(breakpoint("a", "b"))
os.environ["PYTHONBREAKPOINT"] = "0"
print(breakpoint())
for envar in [".", "..", ".foo", "foo.", ".int", "int.", "..foo.bar", "/./",
              "nosuchbuiltin", "nosuchmodule.nosuchcallable"]:
    os.environ["PYTHONBREAKPOINT"] = envar
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        r = breakpoint()
    print(repr(envar), r, [(x.category.__name__, str(x.message)) for x in w])

del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print("RuntimeError", e)
