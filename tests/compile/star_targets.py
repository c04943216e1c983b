a, *b = range(5)
*c, d, e = 'hello'
[f, g] = 1, 2
for x, *y in [(1, 2, 3)]:
    print(x, y)
print(a, b, c, d, e, f, g)
print(*b, sep='-')
print([*b, *c])
