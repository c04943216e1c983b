def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print([fib(i) for i in range(20)], fib(100))
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
    return [i for i, p in enumerate(is_p) if p]
print(sieve(100))
def qsort(xs):
    if len(xs) <= 1:
        return xs
    p, *rest = xs
    return qsort([x for x in rest if x < p]) + [p] + qsort([x for x in rest if x >= p])
print(qsort([5, 3, 8, 1, 9, 2, 7, 3]))
def msort(xs):
    if len(xs) < 2: return xs[:]
    m = len(xs) // 2
    l, r = msort(xs[:m]), msort(xs[m:])
    out = []
    i = j = 0
    while i < len(l) and j < len(r):
        if l[i] <= r[j]:
            out.append(l[i]); i += 1
        else:
            out.append(r[j]); j += 1
    out.extend(l[i:]); out.extend(r[j:])
    return out
print(msort([38, 27, 43, 3, 9, 82, 10]))
def bsearch(xs, t):
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == t: return mid
        if xs[mid] < t: lo = mid + 1
        else: hi = mid - 1
    return -1
print(bsearch(list(range(0, 100, 3)), 27), bsearch([1, 2], 5))
def gcd(a, b):
    while b: a, b = b, a % b
    return a
print(gcd(1071, 462), gcd(0, 5), 2**100 % 97, pow(3, 200, 1000), pow(2, -1, 7))
def hanoi(n, a='A', b='B', c='C', moves=None):
    if moves is None: moves = []
    if n:
        hanoi(n - 1, a, c, b, moves); moves.append((a, c)); hanoi(n - 1, b, a, c, moves)
    return moves
print(len(hanoi(10)), hanoi(2))
def perms(xs):
    if not xs: yield []; return
    for i, x in enumerate(xs):
        for p in perms(xs[:i] + xs[i+1:]):
            yield [x] + p
print(list(perms([1, 2, 3])))
def nqueens(n):
    count = 0
    def place(row, cols, d1, d2):
        nonlocal count
        if row == n: count += 1; return
        for c in range(n):
            if c not in cols and row - c not in d1 and row + c not in d2:
                place(row + 1, cols | {c}, d1 | {row - c}, d2 | {row + c})
    place(0, set(), set(), set())
    return count
print([nqueens(i) for i in range(1, 8)])
graph = {'A': ['B', 'C'], 'B': ['D'], 'C': ['D', 'E'], 'D': ['F'], 'E': ['F'], 'F': []}
def bfs(g, s):
    seen, q, order = {s}, [s], []
    while q:
        v = q.pop(0); order.append(v)
        for w in g[v]:
            if w not in seen: seen.add(w); q.append(w)
    return order
print(bfs(graph, 'A'))
def lcs(a, b):
    dp = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a)):
        for j in range(len(b)):
            dp[i+1][j+1] = dp[i][j] + 1 if a[i] == b[j] else max(dp[i][j+1], dp[i+1][j])
    return dp[-1][-1]
print(lcs("ABCBDAB", "BDCABA"))
memo = {}
def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print(max(range(1, 1000), key=collatz), collatz(27))
print(sorted("hello world"), "".join(reversed("abc")), sum(range(101)))
m = [[1, 2], [3, 4]]
print([list(r) for r in zip(*m)], [[sum(a * b for a, b in zip(r, c)) for c in zip(*m)] for r in m])
