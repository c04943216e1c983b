# __reduce__/__setstate__/__getstate__: what copy and pickle rebuild objects from.
from _collections import deque, defaultdict
from _functools import partial

def rebuild(obj):
    rv = obj.__reduce__()
    cls, args = rv[0], rv[1]
    y = cls(*args)
    state = rv[2] if len(rv) > 2 else None
    if state is not None:
        y.__setstate__(state)
    if len(rv) > 3 and rv[3] is not None:
        for item in rv[3]:
            y.append(item)
    if len(rv) > 4 and rv[4] is not None:
        for k, v in rv[4]:
            y[k] = v
    return y

d = deque([1, [2]], maxlen=4)
print(d.__reduce__()[:3], rebuild(d), rebuild(deque('ab')))
dd = defaultdict(list, a=[1])
print(dd.__reduce__()[:4], rebuild(dd), rebuild(defaultdict(None, {1: 2})))
p = partial(max, 1, key=abs)
p.note = 'x'
print(p.__reduce__(), rebuild(p)(-5), rebuild(p).note)
for bad in [5, (1, 2), (max, [], None, None), (1, (), None, None)]:
    try:
        partial(min).__setstate__(bad)
    except TypeError as e:
        print('TypeError', e)
class A:
    pass
a = A()
print(a.__getstate__())
a.x = 1
print(a.__getstate__(), a.__getstate__() is a.__dict__, object().__getstate__())
