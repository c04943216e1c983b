class BST:
    class _N:
        __slots__ = ("key", "left", "right")

        def __init__(self, key):
            self.key = key
            self.left = self.right = None

    def __init__(self):
        self.root = None

    def insert(self, key):
        if self.root is None:
            self.root = self._N(key)
            return
        cur = self.root
        while True:
            if key < cur.key:
                if cur.left is None:
                    cur.left = self._N(key)
                    return
                cur = cur.left
            elif key > cur.key:
                if cur.right is None:
                    cur.right = self._N(key)
                    return
                cur = cur.right
            else:
                return

    def inorder(self, n="start"):
        if n == "start":
            n = self.root
        if n is None:
            return []
        return self.inorder(n.left) + [n.key] + self.inorder(n.right)

    def height(self, n="start"):
        if n == "start":
            n = self.root
        if n is None:
            return 0
        return 1 + max(self.height(n.left), self.height(n.right))

    def __contains__(self, key):
        cur = self.root
        while cur:
            if key == cur.key:
                return True
            cur = cur.left if key < cur.key else cur.right
        return False

    def levels(self):
        out, q = [], [self.root] if self.root else []
        while q:
            out.append([n.key for n in q])
            q = [c for n in q for c in (n.left, n.right) if c]
        return out


t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30]:
    t.insert(k)
print(t.inorder(), t.height(), 45 in t, 99 in t)
print(t.levels())
try:
    t.root.colour = "red"
except AttributeError as e:
    print("AttributeError:", e)


def heappush(h, x):
    h.append(x)
    i = len(h) - 1
    while i > 0:
        p = (i - 1) // 2
        if h[p] <= h[i]:
            break
        h[p], h[i] = h[i], h[p]
        i = p


def heappop(h):
    last = h.pop()
    if not h:
        return last
    top, h[0] = h[0], last
    i, n = 0, len(h)
    while True:
        l, r, m = 2 * i + 1, 2 * i + 2, i
        if l < n and h[l] < h[m]:
            m = l
        if r < n and h[r] < h[m]:
            m = r
        if m == i:
            break
        h[i], h[m] = h[m], h[i]
        i = m
    return top


h = []
for x in [5, 3, 8, 1, 9, 2, 7, 3, 0]:
    heappush(h, x)
print(h)
print([heappop(h) for _ in range(len(h))])
tasks = []
for pri, name in [(3, "write"), (1, "plan"), (2, "code"), (1, "eat"), (5, "sleep")]:
    heappush(tasks, (pri, name))
while tasks:
    print(*heappop(tasks), sep=": ")


class Trie:
    def __init__(self):
        self.root = {}

    def add(self, w):
        d = self.root
        for ch in w:
            d = d.setdefault(ch, {})
        d["$"] = True

    def words(self, d=None, prefix=""):
        d = self.root if d is None else d
        for k in sorted(d):
            if k == "$":
                yield prefix
            else:
                yield from self.words(d[k], prefix + k)

    def starts(self, p):
        d = self.root
        for ch in p:
            if ch not in d:
                return []
            d = d[ch]
        return list(self.words(d, p))


tr = Trie()
for w in "car cart care cat dog do dot zebra".split():
    tr.add(w)
print(list(tr.words()))
print(tr.starts("car"), tr.starts("do"), tr.starts("x"))
print(tr.root["z"])


def build_expr(tokens):
    def parse_expr(i):
        left, i = parse_term(i)
        while i < len(tokens) and tokens[i] in "+-":
            op = tokens[i]
            right, i = parse_term(i + 1)
            left = (op, left, right)
        return left, i

    def parse_term(i):
        left, i = parse_atom(i)
        while i < len(tokens) and tokens[i] in "*/":
            op = tokens[i]
            right, i = parse_atom(i + 1)
            left = (op, left, right)
        return left, i

    def parse_atom(i):
        if tokens[i] == "(":
            e, i = parse_expr(i + 1)
            return e, i + 1
        return int(tokens[i]), i + 1

    return parse_expr(0)[0]


def ev(t):
    if isinstance(t, int):
        return t
    op, a, b = t
    a, b = ev(a), ev(b)
    return {"+": a + b, "-": a - b, "*": a * b, "/": a / b}[op]


tree = build_expr(list("(1+2)*3-4/2"))
print(tree, ev(tree))
