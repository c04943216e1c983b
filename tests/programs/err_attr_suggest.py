import math
items = [3, 1, 2]
items.sort()
print(items, math.floor(2.5))
try:
    math.sqr(4)
except AttributeError as e:
    print(e)
items.apend(4)
