# __length_hint__ is found on the builtin iterator types, as the pure-Python
# operator.length_hint reads it (type(it).__length_hint__).
import operator
for it in [iter([1,2,3]), iter((1,2)), iter(range(4)), iter('ab'), iter({1:2}), iter({1}), reversed([1,2]), iter(b'ab'),
           zip('a','b'), enumerate('ab'), map(int, '1'), iter(bytearray(b'x')), reversed('abc'), {1:2}.items().__iter__()]:
    t = type(it)
    print(t.__name__, hasattr(t, '__length_hint__'), hasattr(it, '__length_hint__'),
          t.__length_hint__(it) if hasattr(t, '__length_hint__') else '-', operator.length_hint(it, -1))
