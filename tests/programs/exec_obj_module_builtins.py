# `__builtins__` is the builtins module in __main__ but the builtins dict in
# an imported module (exec of the module's code adds it).
import builtins
from imports import builtins_kind

print(type(__builtins__).__name__, __builtins__ is builtins)
print(builtins_kind.kind, builtins_kind.same)
print("__builtins__" in vars(builtins_kind))
ns = {}
exec("x = 1", ns)
print(type(ns["__builtins__"]).__name__, ns["__builtins__"] is builtins.__dict__)
