graph = {
    "A": ["B", "C"],
    "B": ["A", "D", "E"],
    "C": ["A", "F"],
    "D": ["B"],
    "E": ["B", "F"],
    "F": ["C", "E", "G"],
    "G": ["F"],
}


def bfs(g, start):
    seen = {start}
    order = []
    queue = [start]
    while queue:
        node = queue.pop(0)
        order.append(node)
        for nb in g[node]:
            if nb not in seen:
                seen.add(nb)
                queue.append(nb)
    return order


def dfs(g, node, seen=None):
    if seen is None:
        seen = []
    seen.append(node)
    for nb in g[node]:
        if nb not in seen:
            dfs(g, nb, seen)
    return seen


def shortest_path(g, a, b):
    prev = {a: None}
    q = [a]
    while q:
        n = q.pop(0)
        if n == b:
            break
        for nb in g[n]:
            if nb not in prev:
                prev[nb] = n
                q.append(nb)
    path = []
    while b is not None:
        path.append(b)
        b = prev[b]
    return path[::-1]


print("BFS:", bfs(graph, "A"))
print("DFS:", dfs(graph, "A"))
print("path:", " -> ".join(shortest_path(graph, "A", "G")))

wg = {
    "s": {"a": 7, "b": 2},
    "a": {"c": 1},
    "b": {"a": 3, "c": 8, "d": 5},
    "c": {"t": 4},
    "d": {"t": 6},
    "t": {},
}
INF = float("inf")


def dijkstra(g, src):
    dist = {n: INF for n in g}
    dist[src] = 0
    done = set()
    prev = {}
    while len(done) < len(g):
        u = min((n for n in g if n not in done), key=lambda n: dist[n])
        if dist[u] == INF:
            break
        done.add(u)
        for v, w in g[u].items():
            if dist[u] + w < dist[v]:
                dist[v] = dist[u] + w
                prev[v] = u
    return dist, prev


dist, prev = dijkstra(wg, "s")
print(dist)
for n in sorted(dist):
    print(f"{n}: {dist[n]:>4}")
print(sorted(prev.items()))
wg["z"] = {}
print(dijkstra(wg, "s")[0]["z"], INF > 10 ** 300, -INF, INF - INF)


def topo(deps):
    indeg = {k: 0 for k in deps}
    for k, vs in deps.items():
        for v in vs:
            indeg[v] = indeg.get(v, 0) + 1
    ready = sorted(k for k, d in indeg.items() if d == 0)
    out = []
    while ready:
        n = ready.pop(0)
        out.append(n)
        for v in deps.get(n, []):
            indeg[v] -= 1
            if indeg[v] == 0:
                ready.append(v)
                ready.sort()
    return out


print(topo({"shirt": ["tie", "belt"], "tie": ["jacket"], "pants": ["shoes", "belt"], "belt": ["jacket"], "socks": ["shoes"]}))

edges = [(1, 2, 4), (1, 3, 1), (2, 3, 2), (2, 4, 5), (3, 4, 8), (4, 5, 3)]
parent = {}


def find(x):
    parent.setdefault(x, x)
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


mst = []
for u, v, w in sorted(edges, key=lambda e: e[2]):
    ru, rv = find(u), find(v)
    if ru != rv:
        parent[ru] = rv
        mst.append((u, v, w))
print("MST:", mst, "weight", sum(w for *_, w in mst))

grid = [
    "S.#.....",
    ".##.###.",
    "....#...",
    "##.##.#.",
    "......#E",
]
R, C = len(grid), len(grid[0])
start = next((r, c) for r in range(R) for c in range(C) if grid[r][c] == "S")
end = next((r, c) for r in range(R) for c in range(C) if grid[r][c] == "E")
dq = [(start, 0)]
seen = {start}
found = None
while dq:
    (r, c), d = dq.pop(0)
    if (r, c) == end:
        found = d
        break
    for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < R and 0 <= nc < C and grid[nr][nc] != "#" and (nr, nc) not in seen:
            seen.add((nr, nc))
            dq.append(((nr, nc), d + 1))
print("maze distance:", found, "visited", len(seen))
adj = [[0] * 4 for _ in range(4)]
for a, b in [(0, 1), (1, 2), (2, 3), (3, 0), (0, 2)]:
    adj[a][b] = adj[b][a] = 1
for row in adj:
    print(*row)
print({n: len(v) for n, v in graph.items()})
