def f(*a, **k):
    return len(a), len(k)


x = 1
print(f(x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x))
print(f(a=1, b=2, c=3, d=4, e=5, f=6, g=7, h=8, i=9, j=10, k=11, l=12, m=13, n=14, o=15, p=16))
print(f(*[1, 2], *[3], **{'a': 1}, **{'b': 2}))
