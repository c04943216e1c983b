# Bulk set operations on large sets of ints run in time proportional to
# the work (a prime sieve by difference_update), and sets holding
# instances still compare them through __eq__, even one added to the
# class after the elements were stored.
limit = 150000
primes = set(range(3, limit, 2))
primes.add(2)
for p in range(3, limit, 2):
    if p in primes:
        primes.difference_update(set(range(p * p, limit, p)))
print(len(primes), max(primes))
odd = set(range(1, limit, 2))
print(len(odd - primes), len(primes & odd), len(primes ^ odd), len(primes | odd))
odd -= primes
print(len(odd), odd <= set(range(limit)), primes.isdisjoint(odd))


class Late:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return hash(self.n)

    def __repr__(self):
        return f"Late({self.n})"


items = {Late(1), Late(2), Late(3)}
items.difference_update({Late(1)})
print(sorted(x.n for x in items))
Late.__eq__ = lambda self, other: isinstance(other, Late) and self.n == other.n
items.difference_update({Late(2)})
print(sorted(x.n for x in items))
print(sorted(x.n for x in items - {Late(3)}), {Late(3)} <= items, items == {Late(3)})
mixed = {1, 2, Late(4)}
print(len(mixed & {Late(4), 1}), sorted(repr(x) for x in mixed ^ {Late(4)}))

toggled = set(range(50000))
for k in range(0, 50000, 7):
    toggled.symmetric_difference_update([k, k + 50000])
print(len(toggled), 7 in toggled, 50007 in toggled)
objs = {Late(5), Late(6)}
objs.symmetric_difference_update([Late(5), Late(7)])
print(sorted(x.n for x in objs))
