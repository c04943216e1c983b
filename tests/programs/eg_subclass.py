# Subclasses of ExceptionGroup, __new__ called directly, read-only attributes.
g = BaseExceptionGroup.__new__(BaseExceptionGroup, "x", [ValueError()])
print(type(g).__name__, repr(g))
class E(ExceptionGroup):
    def __init__(self, msg, excs):
        super().__init__(msg, excs)
        self.extra = len(excs)
e = E("m", [ValueError(1), ValueError(2)])
print(repr(e), e.extra, e.exceptions, e.message, e.args)
m, r = e.split(lambda x: x.args[0] == 1)
print(type(m).__name__, repr(m), repr(r))
print(hasattr(m, "extra"))
class S(ExceptionGroup):
    def __str__(self):
        return "custom str"
try:
    raise S("s", [ValueError()])
except* ValueError as x:
    print(type(x).__name__, str(x))
try:
    e.message = "new"
except AttributeError as err:
    print("AttributeError", err)
print(ExceptionGroup("a", [ValueError()]).__class__.__name__)
print(BaseExceptionGroup.__name__, ExceptionGroup.__qualname__, ExceptionGroup.__module__)
eg = ExceptionGroup("a", [ValueError()])
print(eg.exceptions[0].__traceback__)
print(isinstance(eg, BaseExceptionGroup), issubclass(E, Exception), E.__mro__)
