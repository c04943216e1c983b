a, b = 3, 5
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(a is b, a is not b, a in [3], a not in [3])
print(a < b < 10 > 2, 1 < 2 > 3)
s = {1, 2}
print(1 in s, 3 not in s, 'x' in 'xyz')
print(a @ b if hasattr(a, '__matmul__') else 'no matmul')
