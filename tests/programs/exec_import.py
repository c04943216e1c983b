# Imports from the package beside this program (needs the embedder's compiler).
import imports.helper
print(imports.helper.double(21))
from imports.helper import double as d, CONST
print(d(2), CONST)
import imports
print(imports.NAME, imports.__package__, imports.public)
import imports.mod
print(imports.mod.VALUE)
from imports import mod, other
print(other.f(), mod is imports.mod)
from imports.sub import deep
print(deep.X)
import imports.sub.deep as dd
print(dd is deep)
print(imports.helper.__name__, imports.helper.__file__.endswith("helper.py"))
try:
    import nothere
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from imports.helper import missing
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    import imports.helper.x
except ModuleNotFoundError as e:
    print(e)
try:
    from imports import nosuch
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
from imports import circ_a
print(circ_a.A, circ_a.circ_b.B)
m = __import__("imports.mod", fromlist=["VALUE"])
print(m.VALUE, __import__("imports").NAME)
import imports.broken
