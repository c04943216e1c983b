# A class pattern whose name is not bound to a type.
import math


def check(v):
    match v:
        case [math.pi, *_]:
            return "starts with pi"
        case math.floor():
            return "callable"


print(check([math.pi, 1]))
print(check(3.5))
