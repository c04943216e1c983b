"""Records what `__builtins__` is inside an imported module."""
import builtins

kind = type(__builtins__).__name__
same = __builtins__ is builtins.__dict__
