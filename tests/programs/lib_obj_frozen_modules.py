# CPython 3.11 imports part of the standard library frozen: such a module's
# spec says origin 'frozen' with FrozenImporter, it has __file__ but no
# __cached__, its repr says (frozen) and its code is named <frozen NAME>.
import codecs
import importlib.util
import io
import json
import os
import posixpath
import stat
import traceback

for m in (os, posixpath, stat, codecs, io, importlib.util, os.path):
    spec = m.__spec__
    print(repr(m), spec.origin, spec.cached, spec.has_location, spec.parent)
    print("  ", hasattr(m, "__cached__"), m.__file__ == spec.loader_state.filename)
print(os.__spec__)
print(os.__loader__, os.__loader__.get_source("os"), os.__loader__.is_package("os"))
print(os.getenv.__code__.co_filename, posixpath.join.__code__.co_filename)
print(sorted(k for k in vars(os) if k.startswith("__")))
print(repr(json).startswith("<module 'json' from "), json.__spec__.origin == json.__file__)
try:
    os.environ["__SURELY_NOT_SET__"]
except KeyError as e:
    for fs in traceback.extract_tb(e.__traceback__):
        print(os.path.basename(fs.filename), fs.name, repr(fs.line))
