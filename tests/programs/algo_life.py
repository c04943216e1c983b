def step(board):
    rows, cols = len(board), len(board[0])
    new = [[0] * cols for _ in range(rows)]
    for r in range(rows):
        for c in range(cols):
            n = sum(
                board[(r + dr) % rows][(c + dc) % cols]
                for dr in (-1, 0, 1)
                for dc in (-1, 0, 1)
                if (dr, dc) != (0, 0)
            )
            new[r][c] = 1 if n == 3 or (n == 2 and board[r][c]) else 0
    return new


def show(board):
    print("\n".join("".join("#" if x else "." for x in row) for row in board))
    print()


glider = [[0] * 8 for _ in range(6)]
for r, c in [(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)]:
    glider[r][c] = 1
b = glider
for gen in range(4):
    print(f"Generation {gen}:")
    show(b)
    b = step(b)
print("alive:", sum(map(sum, b)))

live = {(1, 0), (1, 1), (1, 2)}


def step_set(live):
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    k = (x + dx, y + dy)
                    counts[k] = counts.get(k, 0) + 1
    return {k for k, n in counts.items() if n == 3 or (n == 2 and k in live)}


for i in range(3):
    print(sorted(live))
    live = step_set(live)


def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]


def identity(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]


def matpow(m, k):
    r = identity(len(m))
    while k:
        if k & 1:
            r = matmul(r, m)
        m = matmul(m, m)
        k >>= 1
    return r


def det(m):
    if len(m) == 1:
        return m[0][0]
    return sum((-1) ** c * m[0][c] * det([row[:c] + row[c + 1:] for row in m[1:]]) for c in range(len(m)))


def transpose(m):
    return [list(r) for r in zip(*m)]


A = [[1, 2], [3, 4]]
B = [[0, 1], [1, 0]]
print(matmul(A, B), matmul(B, A), transpose([[1, 2, 3], [4, 5, 6]]))
print(matpow([[1, 1], [1, 0]], 90)[0][1])
print(det([[2, -3, 1], [2, 0, -1], [1, 4, 5]]), det(identity(4)), det([[1, 2], [2, 4]]))
M = [[2.0, 1.0, -1.0, 8.0], [-3.0, -1.0, 2.0, -11.0], [-2.0, 1.0, 2.0, -3.0]]
n = len(M)
for i in range(n):
    piv = max(range(i, n), key=lambda r: abs(M[r][i]))
    M[i], M[piv] = M[piv], M[i]
    for r in range(n):
        if r != i:
            f = M[r][i] / M[i][i]
            M[r] = [a - f * b for a, b in zip(M[r], M[i])]
sol = [M[i][n] / M[i][i] for i in range(n)]
print("solution:", sol, [round(x, 10) for x in sol])
for row in matpow([[1, 1], [1, 0]], 10):
    print(" ".join(f"{v:4d}" for v in row))
spiral = [[0] * 5 for _ in range(5)]
x = y = 0
dx, dy = 0, 1
for k in range(1, 26):
    spiral[x][y] = k
    nx, ny = x + dx, y + dy
    if not (0 <= nx < 5 and 0 <= ny < 5 and spiral[nx][ny] == 0):
        dx, dy = dy, -dx
        nx, ny = x + dx, y + dy
    x, y = nx, ny
for row in spiral:
    print(*(f"{v:2}" for v in row))
pascal = [[1]]
for i in range(9):
    prev = pascal[-1]
    pascal.append([1] + [prev[j] + prev[j + 1] for j in range(len(prev) - 1)] + [1])
w = len(" ".join(map(str, pascal[-1])))
for row in pascal:
    print(" ".join(map(str, row)).center(w))
