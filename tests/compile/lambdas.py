f = lambda: 0
g = lambda x, y=2: x + y
h = lambda *a, **k: (a, k)
key = sorted([3, 1, 2], key=lambda v: -v)
print(f(), g(1), h(1, z=2), key)
