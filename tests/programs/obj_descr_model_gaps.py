# Data-model rules from test_descr: descriptor precedence, special-method
# lookup on the class, call-binding error order, super subclasses, metaclass
# __getattr__, __abstractmethods__, module __dict__, method-wrapper
# attributes, text signatures and frames that outlive their call.
import sys


# A descriptor with __set__ but no __get__ yields to the instance dict.
class SetOnly:
    def __init__(self, name):
        self.name = name

    def __set__(self, obj, value):
        obj.__dict__[self.name] = value


class HasSetOnly:
    a = SetOnly("a")


x = HasSetOnly()
print(type(x.a).__name__)
x.a = 42
print(x.a)


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    pass


Meta.b = SetOnly("b")
print(type(WithMeta.b).__name__)

# A data descriptor with __get__ still wins over the dict.
class Both(SetOnly):
    def __get__(self, obj, owner=None):
        return "from descriptor"


class HasBoth:
    c = Both("c")


y = HasBoth()
y.c = 1
print(y.c, y.__dict__)


# Special methods are looked up on the class and bound as descriptors.
class Checker:
    def __getattribute__(self, attr):
        raise AssertionError("__getattribute__ called with " + attr)


class Bind:
    def __init__(self, impl):
        self.impl = impl

    def __get__(self, obj, owner):
        print("bound", self.impl.__name__)
        return self.impl.__get__(obj, owner)


def sizeof(self):
    return 7


def instancecheck(self, inst):
    return True


def subclasscheck(self, sub):
    return True


class S(Checker):
    __sizeof__ = Bind(sizeof)
    __instancecheck__ = Bind(instancecheck)
    __subclasscheck__ = Bind(subclasscheck)


print(sys.getsizeof(S()) >= 7)
print(isinstance(1, S()), issubclass(int, S()))

# Keyword errors are reported before the positional count.
calls = [
    lambda: (lambda: None)(1, x=1),
    lambda: (lambda a: 0)(1, 2, a=3),
    lambda: (lambda a, *, b: 0)(1, 2, b=3, c=4),
    lambda: (lambda a, *, b: 0)(1, 2, b=3),
    lambda: (lambda a, b=1: 0)(1, 2, 3),
    lambda: (lambda a, /: 0)(1, 2, a=3),
]
for call in calls:
    try:
        call()
    except TypeError as e:
        print(e)


# An unbound instance of a super subclass binds through its class.
class A:
    def meth(self, a):
        return "A(%r)" % a


class mysuper(super):
    def __init__(self, *args):
        return super(mysuper, self).__init__(*args)


class E(A):
    def meth(self, a):
        return "E(%r)" % a + mysuper(E, self).meth(a)


class F(E):
    def meth(self, a):
        s = self.__super
        return "F(%r)[%s]" % (a, s.__class__.__name__) + s.meth(a)


F._F__super = mysuper(F)
print(F().meth(6))


# A metaclass __getattr__ answers an AttributeError a descriptor raised.
class Dyn:
    def __get__(self, obj, owner):
        if obj is None:
            raise AttributeError("class access")
        return "instance"


class M(type):
    def __getattr__(cls, name):
        return "meta " + name


class UsesDyn(metaclass=M):
    eggs = Dyn()


print(UsesDyn.eggs, UsesDyn().eggs, UsesDyn.missing)
try:
    type.__getattribute__(UsesDyn, "missing")
except AttributeError as e:
    print("AttributeError:", e)


# __abstractmethods__ is read from the class's own dict only.
class Base:
    pass


Base.__abstractmethods__ = frozenset({"f"})


class Derived(Base):
    pass


print(sorted(Base.__abstractmethods__), hasattr(Derived, "__abstractmethods__"))
for t in (int, type):
    try:
        t.__abstractmethods__
    except AttributeError as e:
        print("AttributeError:", e)

# A module's __dict__ cannot be replaced or deleted.
mod = type(sys)("spam")
for action in (lambda: setattr(mod, "__dict__", {}), lambda: delattr(mod, "__dict__")):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)


# dir() of a module subclass lists its __dict__.
class ModSub(type(sys)):
    pass


m = ModSub("m")
m.b = 2
m.a = 1
print([n for n in dir(m) if not n.startswith("__")])


class ModSub2(ModSub):
    __dict__ = property(lambda self: "Not a dict!")


try:
    dir(ModSub2("m2"))
except TypeError as e:
    print("TypeError:", e)

# Method-wrappers and descriptors name their class.
lst = []
print(lst.__add__.__objclass__, list.__add__.__objclass__, list.append.__objclass__)
desc = HasSetOnly.__dict__["__weakref__"]
print("__name__" in dir(desc), "__qualname__" in dir(desc), "__getattr__" in dir(desc))

# Text signatures of builtins.
print(object.__text_signature__, list.__text_signature__, dict.__text_signature__)
print(len.__text_signature__, list.append.__text_signature__, [].append.__text_signature__)
print(int.from_bytes.__text_signature__, HasSetOnly.__text_signature__)


# A frame object keeps the locals of a frame that returned or raised.
def eggs(x, y):
    global fr
    fr = sys._getframe()
    p = x
    q = y / 0


def spam(a, *g, **h):
    eggs(a, a + 1)


try:
    spam(7)
except ZeroDivisionError:
    pass
print(fr.f_locals, fr.f_back.f_locals, fr.f_lineno)


def ret():
    global fr2
    fr2 = sys._getframe()
    z = 5
    return z


ret()
print(fr2.f_locals)
ret()
print(fr2.f_locals)


# ... and neither can a ModuleType subclass's, whichever base comes first.
class Plain:
    pass


class Module1(type(sys), Plain):
    pass


class Module2(Plain, type(sys)):
    pass


for cls in (Module1, Module2):
    mod = cls("spam")
    for action in (lambda: setattr(mod, "__dict__", {}), lambda: delattr(mod, "__dict__")):
        try:
            action()
        except AttributeError as e:
            print("AttributeError:", e)
