# Annotated assignments and star imports.
from math import *
count: int = 3
label: str
ratio: float = 0.5
print(count, ratio, __annotations__, floor(2.7), sqrt(9))

def typed(a: int, b: "str" = "x") -> list:
    total: int = a * 2
    return [total, b]

print(typed(4), typed.__name__)
