class Node:
    def __init__(self, val, next=None):
        self.val = val
        self.next = next
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for x in reversed(list(items)):
            self.push(x)
    def push(self, v):
        self.head = Node(v, self.head); self.size += 1
    def __iter__(self):
        n = self.head
        while n:
            yield n.val
            n = n.next
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def __repr__(self): return " -> ".join(map(str, self)) or "empty"
    def __len__(self): return self.size
ll = LinkedList([1, 2, 3, 4])
print(ll, len(ll)); ll.reverse(); print(ll, list(ll), 3 in ll, LinkedList())
class BST:
    class _N:
        __slots__ = ("k", "l", "r")
        def __init__(self, k): self.k, self.l, self.r = k, None, None
    def __init__(self): self.root = None
    def insert(self, k):
        if self.root is None:
            self.root = BST._N(k); return
        n = self.root
        while True:
            if k < n.k:
                if n.l is None: n.l = BST._N(k); return
                n = n.l
            else:
                if n.r is None: n.r = BST._N(k); return
                n = n.r
    def inorder(self):
        out = []
        def walk(n):
            if n:
                walk(n.l); out.append(n.k); walk(n.r)
        walk(self.root)
        return out
    def height(self, n="root"):
        if n == "root": n = self.root
        return 0 if n is None else 1 + max(self.height(n.l), self.height(n.r))
t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35]: t.insert(k)
print(t.inorder(), t.height(), BST._N.__qualname__)
class Graph:
    def __init__(self): self.adj = {}
    def add(self, a, b):
        self.adj.setdefault(a, []).append(b)
        self.adj.setdefault(b, []).append(a)
    def dfs(self, s, seen=None):
        seen = seen if seen is not None else []
        seen.append(s)
        for n in sorted(self.adj[s]):
            if n not in seen: self.dfs(n, seen)
        return seen
    def shortest(self, a, b):
        prev = {a: None}; q = [a]
        while q:
            v = q.pop(0)
            if v == b: break
            for w in self.adj[v]:
                if w not in prev: prev[w] = v; q.append(w)
        path = []
        while b is not None: path.append(b); b = prev[b]
        return path[::-1]
g = Graph()
for a, b in [(1, 2), (1, 3), (2, 4), (3, 4), (4, 5), (5, 6)]: g.add(a, b)
print(g.dfs(1), g.shortest(1, 6), g.adj)
class MinHeap:
    def __init__(self): self.h = []
    def push(self, x):
        h = self.h; h.append(x); i = len(h) - 1
        while i and h[(i - 1) // 2] > h[i]:
            h[(i - 1) // 2], h[i] = h[i], h[(i - 1) // 2]; i = (i - 1) // 2
    def pop(self):
        h = self.h; top = h[0]; last = h.pop()
        if h:
            h[0] = last; i = 0
            while True:
                c = 2 * i + 1
                if c >= len(h): break
                if c + 1 < len(h) and h[c + 1] < h[c]: c += 1
                if h[i] <= h[c]: break
                h[i], h[c] = h[c], h[i]; i = c
        return top
hp = MinHeap()
for x in [5, 3, 9, 1, 7, 2]: hp.push(x)
print([hp.pop() for _ in range(6)])
class Matrix2:
    def __init__(self, n): self.d = [[int(i == j) for j in range(n)] for i in range(n)]
    def __str__(self): return "\n".join(" ".join(f"{x:2d}" for x in r) for r in self.d)
print(Matrix2(3))
from_tuple = [(name, score) for name, score in zip(["ann", "bob", "cy"], [88, 95, 70])]
ranked = sorted(from_tuple, key=lambda p: p[1], reverse=True)
for i, (n, s) in enumerate(ranked, 1): print(f"{i}. {n:<5}{s:>4}")
print("{:-^20}".format(" table "), "|".join(f"{c:^5}" for c in "abc"))
class Account:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner = owner; self._balance = balance; self.history = []
    def deposit(self, amt):
        if amt <= 0: raise ValueError("Deposit must be positive")
        self._balance += amt; self.history.append(("dep", amt)); return self
    def withdraw(self, amt):
        if amt > self._balance: raise ValueError(f"Insufficient funds: {self._balance} < {amt}")
        self._balance -= amt; self.history.append(("wd", amt)); return self
    @property
    def balance(self): return self._balance
    def __repr__(self): return f"Account({self.owner!r}, {self._balance})"
acct = Account("ann").deposit(100).withdraw(30)
print(acct, acct.balance, acct.history)
for bad in (lambda: acct.withdraw(1000), lambda: acct.deposit(-5)):
    try: bad()
    except ValueError as e: print("Error:", e)
try:
    acct.balance = 5
except AttributeError as e:
    print(e)
