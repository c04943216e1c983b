# dir() of builtin classes that are not in the builtins namespace (methods,
# modules, code, frames, dict views, iterators) and of exception classes
# lists what CPython's lists.
import sys
import types

d = {1: 2}
kinds = [types.MethodType, types.ModuleType, types.CodeType, types.FrameType,
         types.TracebackType, type(...), type(NotImplemented), type(d.keys()),
         type(d.items()), type(iter([])), type(iter(())), type(iter(range(3))),
         ValueError, KeyError, OSError, SyntaxError, StopIteration, BaseExceptionGroup]
for t in kinds:
    names = dir(t)
    print(t.__name__, len(names), [n for n in names if not n.startswith("__")])
print(dir(ValueError("x"))[-6:])
e = OSError(2, "nf", "f")
print([n for n in dir(e) if not n.startswith("_")])
m = types.ModuleType("m")
m.x = 1
print(dir(m))
print("f_lineno" in dir(sys._getframe()), "co_lines" in dir(sys._getframe().f_code))
print(dir(1.5).count("__round__"), "__bytes__" in dir(b""))
