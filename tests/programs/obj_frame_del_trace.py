# `del frame.f_trace` resets the local trace function (as `bdb` does when
# a debugger continues); the other frame members refuse deletion. A running
# frame's repr shows the line it is at now.
import sys

f = sys._getframe()
del f.f_trace
print(f.f_trace)
f.f_trace = print
print(f.f_trace is print)
del f.f_trace
print(f.f_trace)
for name in ("f_lineno", "f_trace_lines", "f_back", "f_code", "missing"):
    try:
        delattr(f, name)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
first = repr(f).split(", ")[2]
second = repr(f).split(", ")[2]
print(first, second)
