def two_sum(nums, target):
    seen = {}
    for i, n in enumerate(nums):
        if target - n in seen:
            return [seen[target - n], i]
        seen[n] = i
    return None


def merge_intervals(iv):
    out = []
    for s, e in sorted(iv):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out


def rotate(m):
    return [list(r) for r in zip(*m[::-1])]


def top_k(words, k):
    cnt = {}
    for w in words:
        cnt[w] = cnt.get(w, 0) + 1
    return sorted(cnt, key=lambda w: (-cnt[w], w))[:k]


class LRU:
    def __init__(self, cap):
        self.cap, self.d = cap, {}

    def get(self, k):
        if k not in self.d:
            return -1
        v = self.d.pop(k)
        self.d[k] = v
        return v

    def put(self, k, v):
        self.d.pop(k, None)
        self.d[k] = v
        if len(self.d) > self.cap:
            del self.d[next(iter(self.d))]

    def __repr__(self):
        return f"LRU({self.d})"


def longest_unique(s):
    last, start, best = {}, 0, (0, 0)
    for i, ch in enumerate(s):
        if last.get(ch, -1) >= start:
            start = last[ch] + 1
        last[ch] = i
        if i + 1 - start > best[1] - best[0]:
            best = (start, i + 1)
    return s[best[0]:best[1]]


def compress(s):
    out, i = [], 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(s[i] + (str(j - i) if j - i > 1 else ""))
        i = j
    r = "".join(out)
    return r if len(r) < len(s) else s


def dutch_flag(a):
    lo, mid, hi = 0, 0, len(a) - 1
    while mid <= hi:
        if a[mid] == 0:
            a[lo], a[mid] = a[mid], a[lo]; lo += 1; mid += 1
        elif a[mid] == 1:
            mid += 1
        else:
            a[mid], a[hi] = a[hi], a[mid]; hi -= 1
    return a


def product_except_self(a):
    n = len(a)
    out = [1] * n
    acc = 1
    for i in range(n):
        out[i] = acc; acc *= a[i]
    acc = 1
    for i in range(n - 1, -1, -1):
        out[i] *= acc; acc *= a[i]
    return out


def is_valid_sudoku_row(row):
    digits = [c for c in row if c != "."]
    return len(digits) == len(set(digits))


def fizzbuzz(n):
    return ["FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else str(i) for i in range(1, n + 1)]


print(two_sum([2, 7, 11, 15], 9), two_sum([3, 2, 4], 6), two_sum([1], 5))
print(merge_intervals([[1, 3], [2, 6], [8, 10], [15, 18], [17, 20]]), merge_intervals([]))
print(rotate([[1, 2, 3], [4, 5, 6], [7, 8, 9]]))
print(top_k("the day is sunny the the the sunny is is".split(), 3))
c = LRU(2)
c.put(1, 1); c.put(2, 2); print(c.get(1)); c.put(3, 3); print(c.get(2), c); c.put(4, 4)
print(c.get(1), c.get(3), c.get(4), c)
d = {"x": 1, "y": 2, "z": 3}
print(d.popitem(), d, list(d)[-1], next(reversed(d.values())), d.setdefault("w", 9), d)
print([longest_unique(s) for s in ("abcabcbb", "bbbbb", "pwwkew", "")])
print([compress(s) for s in ("aabcccccaaa", "abc", "", "zzzzzzzzzzzz")])
print(dutch_flag([2, 0, 2, 1, 1, 0, 0, 2, 1]), product_except_self([1, 2, 3, 4]), product_except_self([0, 4, 0]))
print(is_valid_sudoku_row("53..7...."), is_valid_sudoku_row("53..5...."))
print(" ".join(fizzbuzz(20)))
matrix = [[1, 4, 7, 11], [2, 5, 8, 12], [3, 6, 9, 16], [10, 13, 14, 17]]
def search(m, t):
    r, c = 0, len(m[0]) - 1
    while r < len(m) and c >= 0:
        if m[r][c] == t:
            return (r, c)
        if m[r][c] > t:
            c -= 1
        else:
            r += 1
    return None
print(search(matrix, 5), search(matrix, 20), search(matrix, 17))
def group_anagrams(ws):
    g = {}
    for w in ws:
        g.setdefault(tuple(sorted(w)), []).append(w)
    return sorted(g.values(), key=lambda v: (-len(v), v))
print(group_anagrams(["eat", "tea", "tan", "ate", "nat", "bat"]))
def reverse_words(s):
    return " ".join(reversed(s.split()))
print(repr(reverse_words("  the sky   is blue ")), "Hello World".swapcase()[::-1])
def missing_number(a):
    return len(a) * (len(a) + 1) // 2 - sum(a)
print(missing_number([3, 0, 1]), missing_number(list(range(100))[:57] + list(range(58, 101))))
def single(a):
    r = 0
    for x in a:
        r ^= x
    return r
print(single([4, 1, 2, 1, 2]), bin(single([7, 3, 5, 3, 5])), [bin(i).count("1") for i in range(9)])
def climb(n):
    a, b = 1, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print([climb(i) for i in range(10)], climb(80))
