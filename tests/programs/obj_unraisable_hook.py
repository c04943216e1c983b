# sys.unraisablehook gets exceptions nobody can catch; sys.excepthook and the
# builtin hooks write to the current sys.stderr.
import sys


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass


seen = []


def hook(a):
    seen.append((a.exc_type.__name__, str(a.exc_value), a.err_msg,
                 type(a.exc_traceback).__name__, type(a).__name__, len(a)))
    obj = a.object
    seen.append(getattr(obj, "__qualname__", type(obj).__name__))


class Broken:
    def __del__(self):
        raise ValueError("del is broken")


def gen():
    try:
        yield 1
    finally:
        raise KeyError("in finally")


sys.unraisablehook = hook
b = Broken()
del b
g = gen()
next(g)
del g
for s in seen:
    print(s)

# The builtin hook, through a replaced sys.stderr.
sys.unraisablehook = sys.__unraisablehook__
cap = Capture()
sys.stderr = cap
b = Broken()
del b
sys.stderr = sys.__stderr__
text = "".join(cap.parts)
print(text.splitlines()[0].split(" at ")[0])
print(text.splitlines()[-1])


# A hook that fails: its own error is reported, the original is lost.
class Shown:
    def __repr__(self):
        return "<shown>"


def bad_hook(a):
    raise TypeError("hook broke")


bad_hook.__qualname__ = "bad_hook"
sys.unraisablehook = bad_hook
cap = Capture()
sys.stderr = cap
b = Broken()
del b
sys.stderr = sys.__stderr__
sys.unraisablehook = sys.__unraisablehook__
lines = "".join(cap.parts).splitlines()
print(lines[0].split(" at ")[0], lines[-1])

try:
    sys.__unraisablehook__(1)
except TypeError as e:
    print(e)

# sys.__excepthook__ writes to sys.stderr too.
cap = Capture()
try:
    {}["missing"]
except KeyError:
    sys.stderr = cap
    sys.__excepthook__(*sys.exc_info())
    sys.stderr = sys.__stderr__
print("".join(cap.parts).splitlines()[-1])
