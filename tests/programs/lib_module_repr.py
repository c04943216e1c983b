# Module reprs follow importlib's `_module_repr`: the spec first, then the
# loader's `module_repr`, then the name, file and loader; a module without
# a name says so in its AttributeError.
import json
import sys
import types

print(repr(sys), repr(json).startswith("<module 'json' from '"))
m = types.ModuleType("foo")
print(repr(m))
m.__file__ = "/tmp/foo.py"
print(repr(m))
del m.__name__
print(repr(m))
del m.__file__
print(repr(m))


class BareLoader:
    pass


class FullLoader:
    @classmethod
    def module_repr(cls, module):
        return "<module '{}' (crafted)>".format(module.__name__)


m = types.ModuleType("foo")
m.__loader__ = BareLoader
print(repr(m) == "<module 'foo' ({!r})>".format(BareLoader))
m.__loader__ = FullLoader
print(repr(m))
m.__file__ = "/tmp/foo.py"
print(repr(m))
del m.__name__
print(repr(m) == "<module '?' ({!r})>".format(FullLoader))
try:
    m.missing
except AttributeError as e:
    print(e)
m = types.ModuleType("bar")
try:
    m.missing
except AttributeError as e:
    print(e)
m.__name__ = "renamed"
try:
    m.missing
except AttributeError as e:
    print(e)
print(m, str(m), f"{m}")

from importlib.machinery import ModuleSpec

spec = ModuleSpec("pkg.mod", None, origin="somewhere")
print(spec, spec.parent, spec.has_location, spec.submodule_search_locations)
pkg = ModuleSpec("pkg", None, is_package=True)
print(pkg.parent, pkg.submodule_search_locations)
m = types.ModuleType("pkg.mod")
m.__spec__ = spec
print(repr(m))
m.__spec__ = ModuleSpec("pkg.mod", None)
print(repr(m))

# `__main__` has a loader, as CPython gives it.
print("__loader__" in dir(), sorted(k for k in globals() if k.startswith("__")))
