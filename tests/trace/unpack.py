a, b = 1, 2
a, b = b, a
first, *rest = [1, 2, 3]
print(a, b, first, rest)
