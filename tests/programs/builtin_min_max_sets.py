# min() and max() take items one at a time, each key computed as its item
# comes; set algebra and comparisons read both tables in place.
def numbers():
    for i in [3, 1, 2]:
        print("yield", i)
        yield i


print(min(numbers(), key=lambda x: (print("key", x), x)[1]))
print(max(numbers()))
print(max([], default="empty"), min((), key=abs, default=None))
for call in (lambda: min([]), lambda: max(iter(())), lambda: max(1, 2, default=0),
             lambda: min(), lambda: min([1, "a"]), lambda: max(5), lambda: min([1], bad=2)):
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(min(3, 1, 2), max("abc", "b"), min([2.5, float("nan"), 1.0]), max({5, 9, 1}))
print(min(frozenset(range(50))), max([1, 2**70, 3]), min([True, 0, -1]), max([-0.0, 0]))
print(min([(2, "b"), (1, "z"), (1, "a")]), max(range(10), key=lambda x: x % 4))


class Box:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print("lt", self.v, other.v)
        return self.v < other.v

    def __repr__(self):
        return f"Box({self.v})"


print(min(Box(2), Box(1), Box(3)))
s, f = set(range(10)), frozenset(range(5))
print(f <= s, s >= f, f < s, s < s, s <= s, f > s)
print(sorted(s - f), sorted(f - s), sorted(s & f), sorted(f | {20}), sorted(s ^ f))
print(type(f - s).__name__, type(s | f).__name__, s == set(range(10)), f != s)
big = frozenset(range(50))
print(len(big - {1, 2}), sorted(big - frozenset([3, 7]))[:5], big - big, big & big == big)
s.update(f)
s -= {0, 1}
s &= set(range(8))
print(sorted(s), s.issubset(range(100)), s.isdisjoint([100]), s.issuperset([2, 3]))
