# Code compiled in 'single' mode shows each expression statement's value
# through sys.displayhook, which also keeps it in builtins._.
import sys
import builtins

exec(compile("1 + 2\n", "<single>", "single"))
print("underscore:", builtins._)
exec(compile("None\n", "<single>", "single"))
print("still:", builtins._)
exec(compile("'text'\n", "<single>", "single"))
exec(compile("for i in range(3): i * 10\n", "<single>", "single"))
exec(compile("if True:\n    [1, 2]\n    (3, 4)\n", "<single>", "single"))
print(sys.displayhook is sys.__displayhook__)


class Log:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


log = Log()
saved = sys.stdout
sys.stdout = log
sys.displayhook({"k": 1})
sys.stdout = saved
print(log.parts)

seen = []
sys.displayhook = seen.append
exec(compile("40 + 2\n", "<single>", "single"))
print(seen)
sys.displayhook = sys.__displayhook__

for bad in [(), (1, 2)]:
    try:
        sys.displayhook(*bad)
    except TypeError as e:
        print("TypeError:", e)

sys.stdout = None
try:
    sys.displayhook(5)
except RuntimeError as e:
    sys.stdout = saved
    print("RuntimeError:", e)
sys.stdout = saved

del sys.displayhook
try:
    exec(compile("7\n", "<single>", "single"))
except RuntimeError as e:
    print("RuntimeError:", e)
sys.displayhook = sys.__displayhook__
exec(compile("8\n", "<single>", "single"))

# Module attributes can be deleted like any namespace entry.
import math
math.extra = 1
del math.extra
print(hasattr(math, "extra"))
try:
    del math.extra
except AttributeError as e:
    print("AttributeError:", e)
