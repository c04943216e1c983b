class C:
    x = 1
    def f(self): pass
d = C.__dict__
print(type(d), type(d).__name__, d['x'], 'f' in d, 'zz' in d, len(d) > 2, d.get('x'), d.get('q', 5))
C.y = 2
print(d['y'], 'y' in d, sorted(k for k in d if not k.startswith('__')), sorted(d.keys())[-3:])
try:
    d['z'] = 3
except TypeError as e:
    print(e)
try:
    del d['x']
except TypeError as e:
    print(e)
try:
    d['missing']
except KeyError as e:
    print("KeyError", e)
print(type(d.copy()).__name__, vars(C) is not None, type(vars(C)).__name__, [k for k, v in d.items() if k == 'x'])
print(repr(type(int.__dict__)))
class D(C): pass
print('x' in D.__dict__, 'x' in C.__dict__, isinstance(d, dict))
