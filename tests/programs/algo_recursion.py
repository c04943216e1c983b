import sys

moves = []


def hanoi(n, src, dst, via):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst)
    moves.append((n, src, dst))
    hanoi(n - 1, via, dst, src)


hanoi(4, "A", "C", "B")
print(len(moves), moves[:5])
for m in moves[:3]:
    print("Move disk %d from %s to %s" % m)


def permutations(seq):
    if len(seq) <= 1:
        yield list(seq)
        return
    for i in range(len(seq)):
        for p in permutations(seq[:i] + seq[i + 1:]):
            yield [seq[i]] + p


print(list(permutations([1, 2, 3])))
print(["".join(p) for p in permutations("abc")])


def combinations(items, k):
    if k == 0:
        return [[]]
    if not items:
        return []
    head, *tail = items
    return [[head] + c for c in combinations(tail, k - 1)] + combinations(tail, k)


print(combinations([1, 2, 3, 4], 2))


def queens(n):
    sols = []
    cols = []

    def place(row):
        if row == n:
            sols.append(cols[:])
            return
        for c in range(n):
            if all(c != cc and abs(c - cc) != row - r for r, cc in enumerate(cols)):
                cols.append(c)
                place(row + 1)
                cols.pop()

    place(0)
    return sols


for n in range(1, 9):
    print(n, len(queens(n)))
s = queens(6)[0]
for r in range(6):
    print(" ".join("Q" if s[r] == c else "." for c in range(6)))


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


print([[ackermann(m, n) for n in range(4)] for m in range(3)], ackermann(2, 3))

memo = {}


def fibm(n):
    if n in memo:
        return memo[n]
    r = n if n < 2 else fibm(n - 1) + fibm(n - 2)
    memo[n] = r
    return r


print(fibm(300))


def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + x for x in rest]


print(sorted(power_set([1, 2, 3]), key=lambda x: (len(x), x)))


def flatten(x):
    for item in x:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, [3, (4, 5)], []], [[[6]]]])))


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(500), sys.getrecursionlimit())
try:
    depth(100000)
except RecursionError as e:
    print("RecursionError:", e)


def binsearch(a, x, lo=0, hi=None):
    if hi is None:
        hi = len(a)
    if lo >= hi:
        return -1
    mid = (lo + hi) // 2
    if a[mid] == x:
        return mid
    if a[mid] < x:
        return binsearch(a, x, mid + 1, hi)
    return binsearch(a, x, lo, mid)


arr = list(range(0, 100, 3))
print([binsearch(arr, v) for v in (0, 3, 99, 50, 51, -1)])


def partitions(n, m=None):
    if m is None:
        m = n
    if n == 0:
        return 1
    return sum(partitions(n - k, k) for k in range(1, min(n, m) + 1))


print([partitions(i) for i in range(1, 15)])
