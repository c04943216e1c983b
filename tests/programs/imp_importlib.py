# importlib.import_module's checks, and the specs of built-in modules.
import importlib
import sys
import builtins

print(importlib.import_module("sys") is sys, importlib.import_module("builtins") is builtins)
print(sys.__spec__)
print(builtins.__spec__.name, builtins.__spec__.origin, builtins.__spec__.parent)
print(sys.__loader__, sys.__spec__.loader is sys.__loader__)
print(sys.__spec__.submodule_search_locations, sys.__spec__.cached, sys.__spec__.has_location)
print(type(sys.__spec__).__name__, type(sys.__spec__).__module__)
for args in [(".x",), (".x", ""), ("..x", "a"), ("",), (5,), ("nosuch_mod_abc",), ("sys.nope",)]:
    try:
        importlib.import_module(*args)
    except (ImportError, TypeError, ValueError, AttributeError) as e:
        print(type(e).__name__, e)
print(importlib.invalidate_caches())
print(importlib.reload(sys) is sys)
