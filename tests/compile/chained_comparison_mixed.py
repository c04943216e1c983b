def f(a, b, c):
    return a < b <= c != a, a == b == c, a is not b is not c, a in [b] in [[b]]


print(f(1, 2, 3), f(1, 1, 1))
x = 5
if 0 <= x < 10 and not 3 < x < 4:
    print('ok')
