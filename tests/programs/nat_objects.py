# Object-model pieces the standard library needs (functools, collections, abc, keyword).
import builtins
print(builtins.len('abc'), builtins.repr is repr)
from builtins import abs as _abs
print(_abs(-3))

def f():
    return 1
f.marker = True
f.__doc__
print(f.marker, f.__dict__, f.__module__)
f.__dict__['other'] = 2
print(f.other, sorted(f.__dict__))
try:
    f.missing
except AttributeError as e:
    print('AttributeError', e)

contains = frozenset(['a', 'b']).__contains__
print(contains('a'), contains('z'), [1, 2].__len__(), {'k': 1}.__getitem__('k'))

class T(tuple):
    pass
print('%s-%s' % T((1, 2)), '%r' % (T((3, 4)),))

class D(dict):
    def __iter__(self):
        return iter(sorted(super().keys(), reverse=True))
d = D(a=1, b=2)
print(list(d), tuple(d), set(d) == {'a', 'b'}, dict(d))

class L(list):
    pass
print(list(L([3, 4])), tuple(L([5])))

class cached(property):
    pass
class sm(staticmethod):
    pass
class A:
    @cached
    def x(self):
        return 42
    @sm
    def twice(v):
        return v * 2
print(A().x, A.twice(4), A().twice(5), type(A.__dict__['x']).__name__)

print('fromkeys' in dict.__dict__, 'append' in list.__dict__)
print(type(A.x).__name__)
