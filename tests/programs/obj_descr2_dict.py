d = {0: 0}
try:
    for i in d:
        del d[0]
        d[0] = 0
except RuntimeError as e:
    print("RE", e)
for part in ("values", "items"):
    d = {0: 0}
    try:
        for i in getattr(d, part)():
            del d[0]; d[0] = 0
    except RuntimeError as e:
        print(part, "RE", e)
d = {1: 1, 2: 2}
it = iter(d)
print(it.__length_hint__())
next(it)
print(it.__length_hint__())
d[3] = 3
try:
    next(it)
except RuntimeError as e:
    print(e)
try:
    next(it)
except RuntimeError as e:
    print(e)
print(it.__length_hint__())
d = {1: 1}
it = iter(d)
next(it)
del d[1]; d[2] = 2
try:
    next(it)
except RuntimeError as e:
    print(e)
print(list(it), it.__length_hint__())
class X(int):
    def __del__(self):
        d.clear()
d = {i: X(i) for i in range(8)}
def iter_and_mutate():
    for result in d.items():
        if result[0] == 2:
            d[2] = None
try:
    iter_and_mutate()
except RuntimeError as e:
    print("oob", e)
class Key3:
    def __hash__(self):
        return hash('key3')
    def __eq__(self, other):
        return isinstance(other, Key3) or isinstance(other, str) and other == 'key3'
k = Key3()
ways = {}
ways['lit'] = {'key1': 42, 'key2': 43, k: 44}
d = {'key1': 42, 'key2': 43}; d[k] = 44; ways['set'] = d
d = {'key1': 42, 'key2': 43}; d.setdefault(k, 44); ways['sd'] = d
d = {'key1': 42, 'key2': 43}; d.update({k: 44}); ways['upd'] = d
d = {'key1': 42, 'key2': 43}; d |= {k: 44}; ways['ior'] = d
d = dict(x for x in [('key1', 42), ('key2', 43), (k, 44)]); ways['iter'] = d
ways['copy'] = d.copy()
ways['comp'] = {key: 42 + i for i, key in enumerate(['key1', 'key2', k])}
ways['fromkeys'] = dict.fromkeys(['key1', k], 44)
ways['or'] = {'key1': 42} | {k: 44}
for n, d in ways.items():
    print(n, d.get('key3'), 'key3' in d)
class C:
    def __eq__(self, other):
        raise RuntimeError("boom")
d1 = {1: C()}
d2 = {1: C()}
for f in (lambda: d1.items() == d2.items(), lambda: d1.items() != d2.items(), lambda: d1.items() <= d2.items(), lambda: d1.items() >= d2.items()):
    try:
        print(f())
    except RuntimeError as e:
        print("RE", e)
d3 = {1: C(), 2: C()}
for f in (lambda: d2.items() < d3.items(), lambda: d3.items() > d2.items(), lambda: (1, C()) in d1.items()):
    try:
        print(f())
    except RuntimeError as e:
        print("RE", e)
class E:
    def __eq__(self, o): return True
    __hash__ = None
print({1: E()}.items() == {1: 2}.items(), (1, 5) in {1: E()}.items())
class Foo:
    def __init__(self, msg):
        self.msg = msg
f = Foo('123')
class _str(str):
    pass
print(getattr(f, _str('msg')), f.__dict__[_str('msg')])
setattr(f, _str('x'), 5); print(f.x, hasattr(f, _str('x')))
object.__setattr__(f, _str('y'), 6); print(object.__getattribute__(f, _str('y')))
delattr(f, _str('y')); print(hasattr(f, 'y'))
try:
    getattr(f, 5)
except TypeError as e:
    print(e)
# dict(x) and update read a subclass through keys() when it iterates its own way
class OD(dict):
    def __iter__(self):
        print("iter called")
        return iter(reversed(list(dict.keys(self))))
    def keys(self):
        print("keys called")
        return list(self.__iter__())
class Plain(dict):
    pass
o = OD(a=1, b=2)
print(dict(o))
d = {}; d.update(o); print(d)
print(dict(Plain(x=1, y=2)), {**o})
# merge of a source mutated by a key's __eq__
class X:
    def __hash__(self):
        return 0
    def __eq__(self, o):
        other.clear()
        return False
other = dict((i, 0) for i in range(1, 100))
other[X()] = 0
d = {X(): 0, 1: 1}
try:
    d.update(other)
except RuntimeError as e:
    print("RE", e)
# setdefault hashes and compares once
class Hashed(object):
    def __init__(self):
        self.hash_count = 0
        self.eq_count = 0
    def __hash__(self):
        self.hash_count += 1
        return 42
    def __eq__(self, other):
        self.eq_count += 1
        return id(self) == id(other)
hashed1 = Hashed()
y = {hashed1: 5}
hashed2 = Hashed()
print(y.setdefault(hashed2, []), y.setdefault(hashed2, 7))
print(hashed1.hash_count, hashed2.hash_count, hashed1.eq_count + hashed2.eq_count)
d = {1: 2}
try:
    d |= 5
except TypeError as e:
    print(e)
d |= (x for x in [(3, 4)])
print(d, d | {5: 6})
# a __del__ run by a store fused with the next load
class Y(int):
    def __del__(self):
        print("del", int(self))
def f():
    r = Y(1)
    r = None
    print("after")
f()
