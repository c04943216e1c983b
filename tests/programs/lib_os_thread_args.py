# Argument checks and values of a few os/_thread/pydoc functions.
import _thread
import os
import pydoc

print(os.RTLD_LAZY, os.RTLD_NOW, os.RTLD_GLOBAL, os.RTLD_LOCAL,
      os.RTLD_NODELETE, os.RTLD_NOLOAD, os.RTLD_DEEPBIND)

for f in (os.major, os.minor):
    try:
        f(-1)
    except OverflowError as e:
        print(f.__name__, "OverflowError", e)
print(os.major(os.makedev(8, 1)), os.minor(os.makedev(8, 1)))

for kw in (dict(before=None), dict(after_in_child=None),
           dict(before=None, after_in_parent=lambda: 3),
           dict(before=lambda: None, after_in_child="")):
    try:
        os.register_at_fork(**kw)
    except TypeError as e:
        print("TypeError", e)

print(_thread.stack_size(), _thread.stack_size(262144), _thread.stack_size(),
      _thread.stack_size(0), _thread.stack_size())
for bad in (100, -1, "x"):
    try:
        _thread.stack_size(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)


def my_function():
    """This is my function"""


print(repr(object.__getattribute__(my_function, "__doc__")),
      object.__getattribute__(my_function, "__name__"),
      object.__getattribute__(my_function, "__qualname__"))
print(repr(pydoc.getdoc(my_function)))
from xmlrpc.server import SimpleXMLRPCDispatcher

d = SimpleXMLRPCDispatcher()
d.register_introspection_functions()
d.register_function(my_function)
print(repr(d.system_methodHelp("my_function")))
