import collections
for e in ['object.__new__(int)','int.__new__(bool)','object.__new__(5)','int.__new__(object)','list.__new__(int)', 'int.__new__.__qualname__', 'collections.deque.__new__.__qualname__','collections.deque.__new__(collections.deque)', '(5).__new__ is int.__new__', 'int.__new__ == int.__new__', 'int.__new__ is int.__new__', 'hash(int.__new__) == hash(int.__new__)', '[].append == [].append', 'object.__new__.__doc__', 'super(bool, True).__new__ is int.__new__', 'vars(int)["__new__"] is int.__new__', 'int.__new__.__self__', 'float.__new__(float, "1.5")', 'type(object.__new__(object))']:
  try:
    print(e, '->', eval(e))
  except Exception as x: print(e, '!!', type(x).__name__, x)
class A:
  def __new__(c): return 1
class B(A,int):pass
print(B.__base__, int.__new__(B))
class C(dict): pass
print(type(dict.__new__(C)), object.__new__(C) if False else '')
try: object.__new__(C)
except TypeError as e: print(e)
import copy, pickle
class L(list): pass
l = L([1, 2]); l.a = 3
m = copy.deepcopy(l); print(type(m).__name__, m, m.a)
print(pickle.loads(pickle.dumps(l, 0)).a, pickle.loads(pickle.dumps(l, 2)).a)
a = []; b = []
print(a.append == a.append, a.append == b.append, a.append != a.append, hash(a.append) == hash(a.append))
class C:
    def m(self): pass
c = C()
print(c.m == c.m, c.m == C().m, hash(c.m) == hash(c.m))
print({a.append: 1}[a.append])
print((1).__add__ == (1).__add__, "x".upper == "x".upper)
print(dict.fromkeys == dict.fromkeys)
