# repr()/str() of a mappingproxy use its values' own __repr__.
from enum import Enum
from types import MappingProxyType
class U(Enum):
    A = 1
    B = 2
print(U.__members__)
print(repr(U.__members__))
class R:
    def __repr__(self): return "R!"
m = MappingProxyType({"r": R(), "n": [R()]})
print(m, str(m), repr(m), f"{m}")
