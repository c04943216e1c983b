import math

def area(r):
    return math.sqrt(r) * math.pi

print(area(4.0))
print(math.factorial(5))
print(area(-1.0))
