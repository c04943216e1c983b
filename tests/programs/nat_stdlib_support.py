# What collections, heapq and types need from the object model.
import sys

class OD(dict):
    def pop_first(self):
        key = next(iter(dict.keys(self)))
        return key, dict.pop(self, key)
d = OD(a=1, b=2)
print(d.pop_first(), d, dict.get(d, 'b'), dict.__contains__(d, 'b'))

def new(cls, a, b):
    return (cls, a, b)
new.__defaults__ = (0,)
print(new('C', 1), new.__defaults__)
new.__defaults__ = None
try:
    new('C', 1)
except TypeError as e:
    print('TypeError', e)
try:
    new.__defaults__ = 5
except TypeError as e:
    print('TypeError', e)

it = iter([1, 2, 3])
nxt = it.__next__
print(nxt(), nxt(), it.__iter__() is it, list(it))
try:
    nxt()
except StopIteration:
    print('StopIteration')

SimpleNamespace = type(sys.implementation)
ns = SimpleNamespace(b=2, a=1)
print(ns, ns.a, ns == SimpleNamespace(a=1, b=2), ns != SimpleNamespace(a=1), repr(SimpleNamespace()))
ns.c = ns
print(ns, SimpleNamespace.__name__)
try:
    SimpleNamespace(1)
except TypeError as e:
    print('TypeError', e)
try:
    hash(ns)
except TypeError as e:
    print('TypeError', e)
print(sys.implementation.cache_tag is not None, type(sys.implementation.hexversion))

class K:
    def m(self):
        return 'bound to ' + type(self).__name__
MethodType = type(K().m)
bm = MethodType(K.m, K())
print(bm(), bm.__self__.__class__.__name__, bm.__func__ is K.m)
for bad in [lambda: MethodType(K.m), lambda: MethodType(1, K()), lambda: MethodType(K.m, None)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
