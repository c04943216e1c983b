# type's own getsets read the class itself, not what a metaclass overrides.
class Meta(type):
    @property
    def __mro__(self):
        return (object,)
    @property
    def __dict__(self):
        return "meta dict"
    @property
    def __name__(self):
        return "fake"
    @property
    def __bases__(self):
        return ()
class Base: foo = 3
class S(Base, metaclass=Meta): pass
print(S.__mro__, S.__dict__, S.__name__, S.__bases__)
for n in ("__mro__", "__name__", "__bases__", "__base__", "__qualname__", "__module__", "__doc__"):
    print(n, type.__dict__[n].__get__(S))
print(sorted(type.__dict__["__dict__"].__get__(S)))
print(type(type.__dict__["__dict__"]).__name__)

import inspect
print(inspect.getattr_static(S(), 'foo'), inspect.getattr_static(S, 'foo'))

class M2(type):
    @property
    def __dict__(self):
        self.executed = True
class Thing(metaclass=M2):
    executed = False
    def __init__(self):
        self.spam = 42
print(inspect.getattr_static(Thing(), "spam"), Thing.executed)

# The descriptors of builtin classes are made once.
print(int.real is int.real, type.__dict__['__mro__'] is type.__dict__['__mro__'])
print(int.real is int.__dict__['real'], complex.imag is complex.imag)
print(inspect.getdoc(int.real))
print(type.__dict__['__mro__'].__get__(int))
try:
    type.__dict__['__mro__'].__get__(1)
except TypeError as e:
    print(e)
