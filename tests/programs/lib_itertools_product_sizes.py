import itertools

# product's size is settled before its arguments are read.
seen = []


class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __iter__(self):
        seen.append(self.tag)
        return iter([self.tag, self.tag.upper()])


for repeat in (2 ** 62, 2 ** 61):
    try:
        itertools.product(Noisy("a"), Noisy("b"), repeat=repeat)
    except (OverflowError, MemoryError) as e:
        print(type(e).__name__, e)
print("read:", seen)

# With no repeats nothing is read, and the one result is the empty tuple.
print(list(itertools.product(Noisy("c"), repeat=0)), seen)
print(list(itertools.product(repeat=2 ** 62)))
print(list(itertools.product(Noisy("d"), repeat=2)), seen)
for bad in (-1, "2", 2.0):
    try:
        itertools.product([1], repeat=bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    itertools.product(5, repeat=3)
except TypeError as e:
    print("TypeError", e)
