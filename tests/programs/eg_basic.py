# Exception groups: construction, attributes, str/repr, split, subgroup, derive.
def attempt(f):
    try:
        r = f()
        print("ok", type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: ExceptionGroup())
attempt(lambda: ExceptionGroup("a"))
attempt(lambda: ExceptionGroup(1, []))
attempt(lambda: ExceptionGroup("a", []))
attempt(lambda: ExceptionGroup("a", 5))
attempt(lambda: ExceptionGroup("a", [1]))
attempt(lambda: ExceptionGroup("a", [ValueError(), 1]))
attempt(lambda: ExceptionGroup("a", [KeyboardInterrupt()]))
attempt(lambda: BaseExceptionGroup("a", [ValueError()]))
attempt(lambda: BaseExceptionGroup("a", [KeyboardInterrupt()]))
attempt(lambda: ExceptionGroup("a", [ValueError()], x=1))
attempt(lambda: ExceptionGroup("a", [ValueError()], 3))
attempt(lambda: ExceptionGroup("a", {ValueError()}))
attempt(lambda: ExceptionGroup("a", (ValueError(),)))
print(ExceptionGroup.__mro__)
print(BaseExceptionGroup.__mro__)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
print(isinstance(ExceptionGroup("a", [ValueError()]), Exception))

eg = ExceptionGroup("msg", [ValueError(1), TypeError("t"), ExceptionGroup("inner", [KeyError("k"), ValueError(2)])])
print(str(eg))
print(repr(eg))
print(eg.message, eg.exceptions)
print(eg.args)
print(type(eg.exceptions).__name__, len(eg.exceptions))
print(str(ExceptionGroup("one", [ValueError()])))

match, rest = eg.split(ValueError)
print("split ValueError:", repr(match), "|", repr(rest))
match, rest = eg.split((KeyError, TypeError))
print("split tuple:", repr(match), "|", repr(rest))
match, rest = eg.split(OSError)
print("split none:", match, "|", repr(rest))
match, rest = eg.split(Exception)
print("split all:", match is eg, rest)
print("subgroup:", repr(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] == 2)))
print("subgroup eg:", eg.subgroup(ExceptionGroup) is eg)
print("subgroup none:", eg.subgroup(OSError))
print("predicate groups:", repr(eg.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "inner")))
attempt(lambda: eg.split(1))
attempt(lambda: eg.split(int))
attempt(lambda: eg.subgroup((ValueError, 3)))
d = eg.derive([ValueError(5)])
print(repr(d), type(d).__name__)
print(repr(eg.derive([KeyboardInterrupt()])))

# Metadata is copied to the parts.
try:
    try:
        raise OSError("ctx")
    except OSError:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)]) from KeyError("cause")
except ExceptionGroup as e:
    e.add_note("a note")
    m, r = e.split(ValueError)
    print(repr(m.__cause__), repr(m.__context__), m.__suppress_context__)
    print(m.__notes__, r.__notes__, m.__notes__ is e.__notes__)
    print(m.__traceback__ is e.__traceback__, m.__traceback__ is not None)

# Notes.
e = ValueError(1)
e.add_note("n1")
e.add_note("n2")
print(e.__notes__)
attempt(lambda: e.add_note(3))
e.__notes__ = 5
attempt(lambda: e.add_note("x"))
attempt(lambda: ValueError().add_note())

# Subclasses.
class MyEG(ExceptionGroup):
    def __new__(cls, message, excs, code):
        obj = super().__new__(cls, message, excs)
        obj.code = code
        return obj

    def __init__(self, message, excs, code):
        super().__init__(message, excs)

    def derive(self, excs):
        return MyEG(self.message, excs, self.code)

g = MyEG("mine", [ValueError(1), TypeError(2)], 42)
print(repr(g), str(g), g.code, isinstance(g, Exception), isinstance(g, ExceptionGroup))
m, r = g.split(TypeError)
print(type(m).__name__, m.code, repr(m.exceptions), type(r).__name__, r.code)
class Plain(ExceptionGroup):
    pass
p = Plain("p", [ValueError()])
print(repr(p), type(p.split(ValueError)[0]).__name__)
attempt(lambda: Plain("p", [KeyboardInterrupt()]))
class B(BaseExceptionGroup):
    pass
print(repr(B("b", [ValueError()])), type(B("b", [ValueError()])).__name__)
print(type(B("b", [ValueError()]).split(ValueError)[0]).__name__)
try:
    raise ExceptionGroup("caught", [ValueError()])
except Exception as e:
    print("caught by except Exception:", repr(e))
