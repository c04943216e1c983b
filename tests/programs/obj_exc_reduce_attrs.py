# BaseException.__reduce__/__setstate__, the checks of __cause__/__context__
# and of SyntaxError's constructor, and "Did you mean" for AttributeErrors
# raised by a __getattr__ (computed from dir(obj) when printed).
import sys

e = ValueError(1, 2)
print(e.__reduce__())
e.foo = 3
print(e.__reduce__())
ie = ImportError("m", name="n", path="p")
print(ie.__reduce__())
print(ImportError("m").__reduce__())
print(OSError(2, "x", "f").__reduce__())
print(OSError(2, "x", "f", None, "g").__reduce__())
print(OSError(2, "x").__reduce__())
print(SyntaxError("a", ("f", 1, 2, "t")).__reduce__())


class E(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b


print(E(1, 2).__reduce__())
x = Exception()
x.__setstate__({"a": 1, "b": 2})
print(x.a, x.b)
x.__setstate__(None)
try:
    x.__setstate__(5)
except TypeError as err:
    print(err)

for args in [("bad.py", 1, 2), ("bad.py", 1, 2, 4, 5, 6, 7),
             ("bad.py", 1, 2, "abcdefg", 1), 5]:
    try:
        SyntaxError("bad bad", args)
    except TypeError as err:
        print("TypeError:", err)
print(SyntaxError("a", "b", "c").args)

for v in [1, None, ValueError()]:
    for attr in ["__cause__", "__context__"]:
        try:
            setattr(Exception(), attr, v)
            print("set", attr)
        except TypeError as err:
            print("TypeError:", err)
for attr in ["__cause__", "__context__", "__traceback__", "args"]:
    try:
        delattr(Exception(), attr)
    except TypeError as err:
        print("TypeError:", err)


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


class A:
    blech = None

    def __getattr__(self, attr):
        raise AttributeError()


class Tie:
    blucha = None
    bluc = None


for obj in (A(), Tie()):
    try:
        obj.bluch
    except AttributeError:
        cap = Capture()
        sys.stderr = cap
        sys.__excepthook__(*sys.exc_info())
        sys.stderr = sys.__stderr__
        print("".join(cap.parts).splitlines()[-1])
