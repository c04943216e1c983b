# The data descriptors in the dicts of builtin classes (type.__dict__,
# object.__dict__, ...) and inspect.getattr_static, which reads through them.
import inspect
import types


def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
        return
    print(r if isinstance(r, str) else describe(r))


def describe(v):
    # Reprs without addresses.
    if isinstance(v, (types.FunctionType, types.MethodType)):
        return "%s %s" % (type(v).__name__, v.__qualname__)
    if isinstance(v, (types.GetSetDescriptorType, types.MemberDescriptorType,
                      types.WrapperDescriptorType, types.MethodDescriptorType,
                      types.BuiltinFunctionType, type, int, str, tuple,
                      types.ClassMethodDescriptorType, classmethod, type(None))):
        return repr(v)
    return type(v).__name__


for k in ("__basicsize__", "__itemsize__", "__flags__", "__weakrefoffset__",
          "__base__", "__dictoffset__", "__mro__", "__name__", "__qualname__",
          "__bases__", "__module__", "__abstractmethods__", "__dict__",
          "__doc__", "__annotations__"):
    d = type.__dict__[k]
    print(k, d, type(d).__name__, d.__name__, d.__qualname__, d.__objclass__)

print(object.__dict__["__class__"], type(object.__dict__["__doc__"]).__name__)
print(int.__dict__["real"], float.__dict__["imag"], complex.__dict__["real"])
print(types.FunctionType.__dict__["__code__"], types.FunctionType.__dict__["__globals__"])
print(types.MethodType.__dict__["__func__"], types.ModuleType.__dict__["__dict__"])
print(types.CodeType.__dict__["co_name"], types.CellType.__dict__["cell_contents"])
print(types.TracebackType.__dict__["tb_next"], types.FrameType.__dict__["f_back"])
print(super.__dict__["__thisclass__"], types.BuiltinFunctionType.__dict__["__name__"])
print(type.__dict__["__doc__"] is not type.__doc__, isinstance(int.__dict__["__doc__"], str))


class Base:
    "base doc"
    cls_attr = 1

    def meth(self):
        pass

    @property
    def prop(self):
        return 2


class Sub(Base):
    __slots__ = ()


class Slotted:
    __slots__ = ("a", "b")


mro = type.__dict__["__mro__"]
print(mro.__get__(Sub), mro.__get__(None, type) is mro)
show(lambda: mro.__get__(1))
show(lambda: mro.__set__(Sub, ()))
show(lambda: type.__dict__["__name__"].__get__(Base))
show(lambda: type.__dict__["__qualname__"].__get__(Sub))
show(lambda: type.__dict__["__doc__"].__get__(Base))
show(lambda: type.__dict__["__module__"].__get__(Base))
show(lambda: type.__dict__["__bases__"].__get__(Sub))
show(lambda: type.__dict__["__dict__"].__get__(Base)["cls_attr"])
show(lambda: type.__dict__["__abstractmethods__"].__get__(Base))
show(lambda: type.__dict__["__name__"].__get__("x"))
show(lambda: object.__dict__["__class__"].__get__(3))
show(lambda: int.__dict__["real"].__get__(True))
show(lambda: int.__dict__["real"].__get__(1.5))
show(lambda: types.FunctionType.__dict__["__name__"].__get__(describe))


class Named:
    pass


type.__dict__["__name__"].__set__(Named, "Renamed")
print(Named.__name__)
show(lambda: type.__dict__["__name__"].__set__(Named, 3))
show(lambda: type.__dict__["__mro__"].__set__(Named, ()))
show(lambda: int.__mro__)
show(lambda: property.fget)
show(lambda: classmethod.__func__)
show(lambda: type.__abstractmethods__)
show(lambda: int.__abstractmethods__)

gs = inspect.getattr_static
objs = [Base, Sub, Base(), Sub(), Slotted(), Slotted, int, 3, "s", type, object,
        object(), property(), describe, Base.meth, len, inspect, [].append]
names = ["__mro__", "__name__", "__qualname__", "__dict__", "__doc__", "__module__",
         "__class__", "__bases__", "__abstractmethods__", "cls_attr",
         "meth", "prop", "a", "real", "__get__", "__set__", "fget", "__code__",
         "__func__", "missing", "__slots__", "__weakref__"]
for o in objs:
    label = o.__name__ if isinstance(o, type) else type(o).__name__ + "()"
    for n in names:
        try:
            r = describe(gs(o, n))
        except AttributeError as e:
            r = "AttributeError %s" % e
        print(label, n, r)

print(inspect.isdatadescriptor(property()), inspect.isdatadescriptor(Base.__dict__["meth"]),
      inspect.isdatadescriptor(type.__dict__["__mro__"]),
      inspect.ismethoddescriptor(str.join), inspect.ismethoddescriptor(classmethod(len)),
      inspect.ismethoddescriptor(staticmethod(len)), inspect.ismethoddescriptor(property()))
print(inspect.isgetsetdescriptor(type.__dict__["__name__"]),
      inspect.ismemberdescriptor(type.__dict__["__mro__"]),
      inspect.ismemberdescriptor(Slotted.__dict__["a"]))
print([n for n, v in inspect.getmembers(property) if n in ("fget", "fset", "fdel", "getter", "__get__")])
print(inspect.classify_class_attrs(property)[0].kind)
