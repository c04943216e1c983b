x = 5
def f(a, b=2):
    c = a + b
    def g():
        return c
    return sorted(locals().items(), key=lambda kv: kv[0] if kv[0] != 'g' else 'zz')[:3]
print(f(1))
print('x' in globals(), globals()['x'])
print(sorted(k for k in dir() if not k.startswith('__')))
print(vars() is globals())
print(len(dir(str)) > 40)
print([n for n in dir([]) if not n.startswith('_')])
print([n for n in dir(1) if not n.startswith('_')])
try:
    vars(5)
except TypeError as e:
    print(e)
try:
    delattr(5, 'nope')
except AttributeError as e:
    print(e)
try:
    exit(3)
except SystemExit as e:
    print('exit', e.code)
try:
    print(10 ** 5000)
except ValueError as e:
    print('ValueError')
