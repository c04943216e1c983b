# Native _collections.OrderedDict: order, move_to_end, popitem, views,
# reversed iteration, mutation during iteration, equality, reprs, |, copy,
# reduce, subclasses and the argument forms.
from _collections import OrderedDict as OD

od = OD([('c', 1), ('b', 2)], a=3)
print(od, len(od), list(od), type(od).__name__, type(od).__module__)
od.move_to_end('c')
print(list(od))
od.move_to_end('a', last=False)
print(list(od), od.keys(), od.values(), od.items())
print(list(reversed(od)), list(reversed(od.keys())), list(reversed(od.values())))
print(list(reversed(od.items())), type(iter(od)).__name__, type(reversed(od)).__name__)
print(od.popitem(), od.popitem(last=False), od)
print(OD(), repr(OD(x=[1, 2])))

# Order-sensitive equality against another OrderedDict, not against a dict.
a = OD.fromkeys('abc')
b = OD.fromkeys('cba')
print(a == b, a != b, a == dict(b), dict(b) == a, a == OD.fromkeys('abc'))
print(OD.fromkeys('xy', value=0), OD.fromkeys('xy', 5))

# Views are dict views with the OrderedDict's order.
k = a.keys()
print(len(k), 'a' in k, k & {'a', 'z'}, k == {'a', 'b', 'c'}, isinstance(k, type({}.keys())))
print(('a', None) in a.items(), list(a.values()))

# Mutation during iteration: CPython's messages.
d = OD.fromkeys('abcde')
for attempt in ('move', 'add', 'delete'):
    try:
        for key in d:
            if attempt == 'move':
                d.move_to_end(key)
            elif attempt == 'add':
                d['f'] = None
            else:
                del d['c']
    except RuntimeError as e:
        print(attempt, e)
print(list(d))
it = iter(d)
next(it)
d['a'] = 'changed'
print(list(it), d['a'])
try:
    for i, key in enumerate(d):
        d.move_to_end(key)
except RuntimeError as e:
    print('enumerate', e)

# setdefault, pop, popitem, move_to_end errors.
e = OD()
print(e.setdefault('k'), e.setdefault('k', 5), e.pop('k'), e.pop('k', 'dflt'))
for call in (lambda: e.pop('k'), e.popitem, lambda: e.move_to_end('q'),
             lambda: OD(a=1).move_to_end('q'), lambda: OD(a=1).move_to_end([]),
             lambda: OD(1, 2), lambda: OD([(1,)]), lambda: OD([(1, 2, 3)]),
             lambda: OD([1]), lambda: OD().update({}, {}), lambda: OD.__init__(),
             lambda: OD().pop()):
    try:
        call()
    except Exception as exc:
        print(type(exc).__name__, exc)

# | and |=, copy, clear, reduce.
m = OD(a=1) | {'b': 2}
print(m, {'z': 0} | OD(a=1), type({'z': 0} | OD(a=1)).__name__)
m |= [('c', 3)]
print(m, m.copy(), m.copy() is m)
print(m.__reduce__()[:4], list(m.__reduce__()[4]))
m.attr = 1
print(m.__reduce__()[2])
it = iter(m.items())
next(it)
print(it.__reduce__())
m.clear()
print(m, len(m))

# Subclasses: overridden item methods are used where CPython uses them.
log = []
class Sub(OD):
    def __setitem__(self, k, v):
        log.append(('set', k))
        super().__setitem__(k, v)
    def __getitem__(self, k):
        log.append(('get', k))
        return super().__getitem__(k)
s = Sub([(1, 2)], b=3)
print(s, log)
log.clear()
c = s.copy()
print(type(c).__name__, c, log)
log.clear()
print(s.pop(1), s.popitem(), log, Sub.fromkeys('ab'), log)

# Unhashable, a dict subclass, and large move_to_end/popitem churn.
try:
    hash(OD())
except TypeError as exc:
    print(exc)
print(isinstance(OD(), dict), issubclass(OD, dict))
big = OD.fromkeys(range(1000))
for i in range(0, 1000, 3):
    big.move_to_end(i, last=i % 2 == 0)
while len(big) > 10:
    big.popitem(last=False)
print(list(big), sum(big), len(big))
print(OD.fromkeys(range(3)).__sizeof__() > {}.fromkeys(range(3)).__sizeof__())
