def f(*args, **kwargs):
    return args, kwargs


args = [1, 2]
kw = {'a': 1}
print(f())
print(f(1, 2, 3))
print(f(1, b=2))
print(f(*args))
print(f(0, *args, 3))
print(f(**kw))
print(f(1, *args, x=1, **kw))
print(f(x=1, **kw, y=2))
s = 'a,b'
print(s.split(','))
print(s.upper().lower())
