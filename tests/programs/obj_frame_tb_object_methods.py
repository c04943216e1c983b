# Tracebacks and frames inherit the methods of object.
import sys
try:
    raise ValueError("x")
except ValueError as e:
    tb = e.__traceback__
for name in ("__dir__", "__eq__", "__hash__", "__reduce_ex__", "__sizeof__", "__format__"):
    print(name, hasattr(tb, name), hasattr(sys._getframe(), name))
print(tb == tb, tb != tb, format(tb, "") == str(tb))
try:
    tb.nothing
except AttributeError as e:
    print("AttributeError:", e)
