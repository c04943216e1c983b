pairs = [(1, 'a'), (2, 'b')]
for n, s in pairs:
    print(n, s)
for (n, s), i in zip(pairs, range(2)):
    print(n, s, i)
print([s * n for n, s in pairs])
print({k: v for k, v in pairs})
for a, *rest in [[1, 2, 3]]:
    print(a, rest)
