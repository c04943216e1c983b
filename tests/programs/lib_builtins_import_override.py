# `import` statements call `builtins.__import__` when a program replaces it,
# with CPython's arguments.
import builtins

original = builtins.__import__


def custom_import(name, globals=None, locals=None, fromlist=(), level=0):
    print("import", name, fromlist, level, type(globals).__name__, type(locals).__name__)
    if name.startswith("fake"):

        class Module:
            a = 1
            b = 2

        return Module
    return original(name, globals, locals, fromlist, level)


builtins.__import__ = custom_import
import fake
import fake.sub
from fake import a
from fake.sub import a, b
import math
from os import path


def inside():
    import fake.inner as inner
    from . import nothing


try:
    inside()
except Exception as e:
    print(type(e).__name__, e)
builtins.__import__ = original
import json
print(a, b, math.pi > 3, path.sep, json.dumps([1]))
