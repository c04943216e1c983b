# A builtin class's __dict__ is made once: each read wraps the same
# namespace in a new mappingproxy, so its entries keep their identity.
print(int.__dict__ is int.__dict__)
print(int.__dict__['real'] is int.__dict__['real'])
print(vars(str)['join'] is str.__dict__['join'])
print(type(int.__dict__).__name__, len(int.__dict__) > 10)
print(dict.__dict__['fromkeys'] is dict.__dict__['fromkeys'])
print('__hash__' in list.__dict__, list.__dict__['__hash__'])
print(sorted(k for k in bool.__dict__ if not k.startswith('_')))

import collections.abc as abc
for cls in (int, str, list, dict, tuple, set, frozenset, bytes, range):
    print(cls.__name__, issubclass(cls, abc.Hashable), issubclass(cls, abc.Sequence),
          issubclass(cls, abc.Mapping), issubclass(cls, abc.Iterable))

try:
    int.__dict__['x'] = 1
except TypeError as e:
    print('TypeError', e)
try:
    int.x = 1
except TypeError as e:
    print('TypeError', e)
print('x' in int.__dict__)
