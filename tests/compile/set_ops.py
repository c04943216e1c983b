a = {1, 2, 3}
b = {3, 4}
print(a | b, a & b, a - b, a ^ b)
a |= {9}
a -= {1}
print(sorted(a), {1, 2} <= {1, 2, 3}, frozenset({1}) | {2})
