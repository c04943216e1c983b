# Attribute hooks that are descriptors, object.__setattr__ on classes
# (Carlo Verre's hack), class-method __new__, read-only type attributes,
# and builtins reading special methods: vars, len, sum, hash, format.
import sys


def attempt(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print("ok", r)


# __getattribute__ / __getattr__ given as descriptor objects are bound first.
class Descriptor:
    counter = 0
    def __get__(self, obj, objtype=None):
        def getter(name):
            self.counter += 1
            raise AttributeError(name)
        return getter
descr = Descriptor()
class A:
    __getattribute__ = descr
class B:
    __getattr__ = descr
class C:
    __getattribute__ = descr
    __getattr__ = descr
for cls in A, B, C:
    attempt(getattr, cls(), "attr")
print(descr.counter)

# object.__setattr__ and __delattr__ refuse classes.
attempt(object.__setattr__, str, "foo", 42)
attempt(object.__delattr__, str, "lower")
class Meta(type):
    def __setattr__(cls, key, value):
        object.__setattr__(cls, key, value)
class Base:
    pass
class Derived(Base, Meta):
    pass
D = Derived("D", (object,), {})
def set_test():
    D.test = True
attempt(set_test)
print(object.__getattribute__(int, "__bases__"), object.__getattribute__(D, "__name__"))

# A class method as __new__ binds to the class being made.
class CM:
    @classmethod
    def __new__(*args):
        return args
class CM2(CM):
    pass
print(CM(1, 2) == (CM, CM, 1, 2), CM2(1) == (CM2, CM2, 1))
class SM:
    @staticmethod
    def __new__(*args):
        return args
print(SM(1) == (SM, 1))

# type's read-only attributes.
class T:
    pass
for name in ["__dict__", "__mro__", "__base__", "__flags__", "__text_signature__"]:
    attempt(setattr, T, name, {})
    attempt(delattr, T, name)

# A metaclass inheriting a Python base's __dict__ getset still gives classes
# their namespace.
class Meta1(type, Base):
    pass
class Meta2(Base, type):
    pass
class E(metaclass=Meta1):
    x = 1
class F(metaclass=Meta2):
    y = 2
print(E.__dict__["x"], F.__dict__["y"], type(F.__dict__).__name__)
attempt(Base.__dict__["__dict__"].__set__, F, {})

# A str subclass as a class name.
class Nasty(str):
    pass
T.__name__ = Nasty("abc")
print(T.__name__ == "abc")

# vars() reads __dict__, which a property may supply.
class V:
    def get_dict(self):
        return {"a": 2}
    __dict__ = property(fget=get_dict)
print(vars(V()))
class Sl:
    __slots__ = ("a",)
attempt(vars, Sl())
attempt(vars, 42)

# len() of a huge or negative __len__.
class HugeLen:
    def __len__(self):
        return sys.maxsize + 1
class HugeNegativeLen:
    def __len__(self):
        return -sys.maxsize - 10
attempt(len, HugeLen())
attempt(len, HugeNegativeLen())

# sum() refuses str, bytes and bytearray starts.
for start in ["", b"", bytearray(b"")]:
    attempt(sum, [start], start)

# hash() of an int subclass returned by __hash__.
class Z(int):
    def __hash__(self):
        return self
print(hash(Z(42)) == hash(42), hash(Z(-1)))

# format() with a str subclass as the spec.
class DerivedFromStr(str):
    pass
print(repr(format(0, DerivedFromStr("10"))))
