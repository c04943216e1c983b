def f(a, b, c=0, *rest, **kw):
    return a, b, c, rest, kw


args = (1, 2)
kwargs = {'c': 3}
print(f(*args))
print(f(*args, **kwargs))
print(f(0, *args, 9, x=1))
print(f(**{'a': 1, 'b': 2}))
print(*[1, 2, 3])
first, *middle, last = [1, 2, 3, 4, 5]
print(first, middle, last)
