def step(live):
    counts = {}
    for (r, c) in live:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    k = (r + dr, c + dc)
                    counts[k] = counts.get(k, 0) + 1
    return {k for k, n in counts.items() if n == 3 or (n == 2 and k in live)}
def show(live, h=6, w=6):
    return "\n".join("".join("#" if (r, c) in live else "." for c in range(w)) for r in range(h))
glider = {(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)}
g = glider
for gen in range(4):
    g = step(g)
print(show(g)); print(sorted(g))
blinker = {(1, 0), (1, 1), (1, 2)}
print(step(step(blinker)) == blinker, sorted(step(blinker)))
# sudoku solver (backtracking)
puzzle = [
    "53..7....", "6..195...", ".98....6.", "8...6...3", "4..8.3..1",
    "7...2...6", ".6....28.", "...419..5", "....8..79"]
grid = [[int(ch) if ch != "." else 0 for ch in row] for row in puzzle]
def ok(g, r, c, v):
    if v in g[r]: return False
    if any(g[i][c] == v for i in range(9)): return False
    br, bc = 3 * (r // 3), 3 * (c // 3)
    return all(g[br + i][bc + j] != v for i in range(3) for j in range(3))
def solve(g):
    for r in range(9):
        for c in range(9):
            if g[r][c] == 0:
                for v in range(1, 10):
                    if ok(g, r, c, v):
                        g[r][c] = v
                        if solve(g): return True
                        g[r][c] = 0
                return False
    return True
print(solve(grid))
for row in grid: print(" ".join(map(str, row)))
# LRU cache via dict ordering
class LRU:
    def __init__(self, cap): self.cap, self.d = cap, {}
    def get(self, k):
        if k not in self.d: return -1
        v = self.d.pop(k); self.d[k] = v; return v
    def put(self, k, v):
        if k in self.d: self.d.pop(k)
        elif len(self.d) >= self.cap: self.d.pop(next(iter(self.d)))
        self.d[k] = v
c = LRU(2); c.put(1, 1); c.put(2, 2); print(c.get(1)); c.put(3, 3); print(c.get(2), c.get(3), list(c.d.items()))
# word wrap and justify
text = "The quick brown fox jumps over the lazy dog and keeps running far away from here"
def wrap(t, w):
    lines, cur = [], []
    for word in t.split():
        if sum(map(len, cur)) + len(cur) + len(word) > w:
            lines.append(" ".join(cur)); cur = []
        cur.append(word)
    lines.append(" ".join(cur))
    return lines
for ln in wrap(text, 20): print(f"|{ln:<20}|{ln:>20}|{ln:^20}|")
# roman numerals
def to_roman(n):
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v: out += s; n -= v
    return out
def from_roman(s):
    m = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    return sum(-m[a] if m[a] < m[b] else m[a] for a, b in zip(s, s[1:] + "I")) if s else 0
print([to_roman(n) for n in (1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999)], from_roman("MCMXCIV"), all(from_roman(to_roman(i)) == i for i in range(1, 2000)))
# binary / base conversion, bit tricks
def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0: return "0"
    s, neg = "", n < 0
    n = abs(n)
    while n: n, r = divmod(n, b); s = digits[r] + s
    return "-" + s if neg else s
print([to_base(255, b) for b in (2, 8, 16, 36)], to_base(-10, 3), bin(255).count("1"), [i for i in range(20) if i & (i - 1) == 0])
