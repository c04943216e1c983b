# Slices whose bounds are objects with `__index__` work for item assignment
# and deletion too, not only for reading.
class Two:
    def __index__(self):
        return 2


class One:
    def __index__(self):
        return 1


items = list(range(10))
print(items[One():Two() * 1 if False else 8:Two()])
items[0:10:Two()] = ["x"] * 5
print(items)
del items[One()::Two()]
print(items)
items[One():Two()] = ["a", "b", "c"]
print(items)
ba = bytearray(b"abcdef")
ba[0:4:Two()] = b"XY"
print(ba)
del ba[Two():]
print(ba)
try:
    items[0:10:Two()] = [1]
except ValueError as e:
    print("ValueError:", e)


class Mutating:
    """`__index__` that empties the list before the assignment happens."""

    def __init__(self, target):
        self.target = target

    def __index__(self):
        self.target[:] = []
        return 1


victim = list(range(5))
victim[0:5:Mutating(victim)] = []
print(victim)
