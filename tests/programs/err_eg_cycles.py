# Chains with cycles and shared exceptions inside a group, multi-line and failing str().
class Weird(Exception):
    def __str__(self):
        return "line one\nline two"
class Bad(Exception):
    def __str__(self):
        raise RuntimeError("no")
a = ValueError("a")
b = TypeError("b")
a.__context__ = b
b.__context__ = a
shared = KeyError("shared")
c = OSError("c")
c.__context__ = shared
d = OSError("d")
d.__cause__ = shared
inner = ExceptionGroup("inner\nmsg", [Weird(), Bad(), ValueError()])
inner.__context__ = shared
raise ExceptionGroup("top", [a, c, d, inner, Exception()])
