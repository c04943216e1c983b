import sys


def hanoi_iterative(n):
    pegs = {"A": list(range(n, 0, -1)), "B": [], "C": []}
    order = ["A", "B", "C"] if n % 2 == 0 else ["A", "C", "B"]
    moves = []
    for i in range(1, 2 ** n):
        if i % 3 == 1:
            a, b = order[0], order[1]
        elif i % 3 == 2:
            a, b = order[0], order[2]
        else:
            a, b = order[1], order[2]
        if pegs[a] and (not pegs[b] or pegs[a][-1] < pegs[b][-1]):
            src, dst = a, b
        else:
            src, dst = b, a
        pegs[dst].append(pegs[src].pop())
        moves.append(src + dst)
    return moves, pegs


for n in range(1, 6):
    moves, pegs = hanoi_iterative(n)
    print(n, len(moves), " ".join(moves[:7]), pegs)


def show(pegs, n):
    rows = []
    for level in range(n - 1, -1, -1):
        row = []
        for p in "ABC":
            disk = pegs[p][level] if level < len(pegs[p]) else 0
            row.append(("=" * (2 * disk - 1) if disk else "|").center(2 * n + 1))
        rows.append(" ".join(row))
    return "\n".join(rows)


pegs = {"A": [3, 2, 1], "B": [], "C": []}
print(show(pegs, 3))
for mv in hanoi_iterative(3)[0][:3]:
    pegs[mv[1]].append(pegs[mv[0]].pop())
    print("-" * 23, mv)
    print(show(pegs, 3))


def ackermann_iter(m, n):
    stack = [m]
    while stack:
        m = stack.pop()
        if m == 0:
            n += 1
        elif n == 0:
            stack.append(m - 1)
            n = 1
        else:
            stack.append(m - 1)
            stack.append(m)
            n -= 1
    return n


print([ackermann_iter(m, n) for m in range(4) for n in range(3)], ackermann_iter(3, 5))


def permutations_heap(a):
    a = list(a)
    out = [tuple(a)]
    c = [0] * len(a)
    i = 0
    while i < len(a):
        if c[i] < i:
            j = 0 if i % 2 == 0 else c[i]
            a[j], a[i] = a[i], a[j]
            out.append(tuple(a))
            c[i] += 1
            i = 0
        else:
            c[i] = 0
            i += 1
    return out


perms = permutations_heap("abcd")
print(len(perms), len(set(perms)), ["".join(p) for p in perms[:6]])
print(sorted("".join(p) for p in permutations_heap("aab")))
sys.setrecursionlimit(100)
def count_down(n):
    return 0 if n == 0 else 1 + count_down(n - 1)
for depth in (50, 95, 150):
    try:
        print(depth, count_down(depth))
    except RecursionError as e:
        print(depth, "RecursionError:", e)
print(sys.getrecursionlimit())
