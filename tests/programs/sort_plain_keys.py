# Sorting keys whose order needs no Python code, and the cases that leave
# that shortcut for the general comparison.
words = ["pear", "Apple", "fig", "apple", "Fig", "banana", "", "é", "e", "z"]
print(sorted(words))
print(sorted(words, reverse=True))
print(sorted(words, key=str.lower))
print(sorted(words, key=str.lower, reverse=True))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))

nums = [5, -3, 10**20, 7, True, False, 0, -(10**30), 2]
print(sorted(nums))
print(sorted(nums, reverse=True))
print(sorted([3.5, -0.0, 0.0, -2.25, 1e300, -1e-300]))
print(sorted([0.0, -0.0, 0, False]))
print(sorted([1, 2.5, 0, -1.5]))

pairs = [("b", 2), ("a", 3), ("b", 1), ("a", 3, 0), ("a",), ()]
print(sorted(pairs))
print(sorted(pairs, reverse=True))
records = [("ann", 31), ("bob", 25), ("cy", 31), ("dee", 25), ("eve", 40)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: (-r[1], r[0])))
print(sorted(records, key=lambda r: r[1], reverse=True))

nan = float("nan")
print(sorted([3.0, nan, 1.0, 2.0]) in ([3.0, nan, 1.0, 2.0], [1.0, 3.0, nan, 2.0]) or "nan")
print(sorted([(1, "x"), (1, 2)], key=lambda t: t[0]))
for bad in ([1, "a"], [(1, "a"), (1, 2)], [None, 1], [[1], (1,)]):
    try:
        sorted(bad)
    except TypeError as e:
        print("TypeError:", e)


class Rev:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v > other.v

    def __repr__(self):
        return f"Rev({self.v})"


print(sorted([Rev(1), Rev(3), Rev(2)]))
print(sorted([(1, Rev(1)), (1, Rev(2)), (0, Rev(0))]))
big = [str(i) for i in range(2000)]
big.sort()
print(big[:5], big[-3:])
big.sort(key=int, reverse=True)
print(big[:3])
