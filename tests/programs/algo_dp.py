def lcs(a, b):
    m, n = len(a), len(b)
    dp = [[0] * (n + 1) for _ in range(m + 1)]
    for i in range(m):
        for j in range(n):
            dp[i + 1][j + 1] = dp[i][j] + 1 if a[i] == b[j] else max(dp[i][j + 1], dp[i + 1][j])
    out = []
    i, j = m, n
    while i and j:
        if a[i - 1] == b[j - 1]:
            out.append(a[i - 1]); i -= 1; j -= 1
        elif dp[i - 1][j] >= dp[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return "".join(reversed(out))


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def knapsack(items, cap):
    best = [(0, [])] * (cap + 1)
    for name, w, v in items:
        for c in range(cap, w - 1, -1):
            cand = best[c - w][0] + v
            if cand > best[c][0]:
                best[c] = (cand, best[c - w][1] + [name])
    return best[cap]


def coin_change(coins, amount):
    ways = [1] + [0] * amount
    for c in coins:
        for x in range(c, amount + 1):
            ways[x] += ways[x - c]
    fewest = [0] + [float("inf")] * amount
    for x in range(1, amount + 1):
        for c in coins:
            if c <= x and fewest[x - c] + 1 < fewest[x]:
                fewest[x] = fewest[x - c] + 1
    return ways[amount], fewest[amount]


def lis(seq):
    tails, prev, idx = [], [None] * len(seq), []
    for i, x in enumerate(seq):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if seq[tails[mid]] < x:
                lo = mid + 1
            else:
                hi = mid
        if lo > 0:
            prev[i] = tails[lo - 1]
        if lo == len(tails):
            tails.append(i)
        else:
            tails[lo] = i
    out, k = [], tails[-1] if tails else None
    while k is not None:
        out.append(seq[k]); k = prev[k]
    return out[::-1]


def max_subarray(a):
    best = cur = a[0]
    start = s = end = 0
    for i in range(1, len(a)):
        if cur < 0:
            cur, s = a[i], i
        else:
            cur += a[i]
        if cur > best:
            best, start, end = cur, s, i
    return best, a[start:end + 1]


print(lcs("AGGTAB", "GXTXAYB"), lcs("ABCBDAB", "BDCABA"), repr(lcs("", "abc")))
for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("intention", "execution")]:
    print(f"{a!r:>12} -> {b!r:<12} {edit_distance(a, b)}")
items = [("map", 9, 150), ("compass", 13, 35), ("water", 153, 200), ("sandwich", 50, 160), ("glucose", 15, 60), ("tin", 68, 45), ("banana", 27, 60), ("apple", 39, 40)]
print(knapsack(items, 200))
print(coin_change([1, 5, 10, 25], 100), coin_change([2], 3), coin_change([1, 2, 5], 11))
print(lis([0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15]), lis([3, 2, 1]), lis([]))
print(max_subarray([-2, 1, -3, 4, -1, 2, 1, -5, 4]), max_subarray([-3, -1, -2]))
catalan = [1]
for n in range(1, 30):
    catalan.append(catalan[-1] * 2 * (2 * n - 1) // (n + 1))
print(catalan[:10], catalan[-1])
tri = [[3], [7, 4], [2, 4, 6], [8, 5, 9, 3]]
for r in range(len(tri) - 2, -1, -1):
    for c in range(len(tri[r])):
        tri[r][c] += max(tri[r + 1][c], tri[r + 1][c + 1])
print("max path", tri[0][0])
memo = {}
def stairs(n, steps=(1, 2, 3)):
    if n < 0:
        return 0
    if n == 0:
        return 1
    if n not in memo:
        memo[n] = sum(stairs(n - s) for s in steps)
    return memo[n]
print([stairs(i) for i in range(10)], [stairs(i) for i in range(0, 101, 10)][-1])
grid = [[1, 3, 1], [1, 5, 1], [4, 2, 1]]
R, C = len(grid), len(grid[0])
cost = [[0] * C for _ in range(R)]
for r in range(R):
    for c in range(C):
        up = cost[r - 1][c] if r else float("inf")
        left = cost[r][c - 1] if c else float("inf")
        cost[r][c] = grid[r][c] + (0 if r == c == 0 else min(up, left))
print(cost, cost[-1][-1])
words = {"apple", "pen", "applepen", "pine", "pineapple", "cats", "dog", "sand", "and", "cat"}
def breaks(s):
    res = {len(s): [[]]}
    for i in range(len(s) - 1, -1, -1):
        res[i] = [[s[i:j]] + rest for j in range(i + 1, len(s) + 1) if s[i:j] in words for rest in res[j]]
    return [" ".join(x) for x in res[0]]
print(sorted(breaks("pineapplepenapple")), breaks("catsandog"))
