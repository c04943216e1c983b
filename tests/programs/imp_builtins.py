# `import builtins` is the module behind every global lookup.
import builtins
import sys

print(builtins.__name__, builtins.len is len, builtins.print is print)
from builtins import abs as absolute

print(absolute(-3))
print("builtins" in sys.builtin_module_names, sys.builtin_module_names.count("builtins"))
print(type(sys.dont_write_bytecode).__name__)
print(sys.modules["builtins"] is builtins)

for name in ["nosuch_module_xyz", "nosuch_pkg_xyz.sub"]:
    try:
        __import__(name)
    except ModuleNotFoundError as e:
        print(type(e).__name__, e, isinstance(e, ImportError))
try:
    from builtins import nosuch_name_xyz
except ImportError as e:
    print(type(e).__name__, e)
try:
    import sys.nosuch
except ModuleNotFoundError as e:
    print(e)
