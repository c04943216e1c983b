import copy
class Node:
    def __init__(self, v): self.v = v; self.next = None
a = Node(1); b = Node(2); a.next = b; b.next = a
c = copy.deepcopy(a); print(c.v, c.next.v, c.next.next is c, c is not a)
l = [1, [2, 3]]; l.append(l); m = copy.deepcopy(l); print(m[2] is m, m[1] is not l[1], copy.copy(l)[1] is l[1])
d = {"a": [1], "b": {"c": {1, 2}}}; e = copy.deepcopy(d); e["a"].append(2); print(d, e)
class Cust:
    def __init__(self): self.x = [1]
    def __copy__(self): print("copy called"); r = Cust(); r.x = self.x; return r
    def __deepcopy__(self, memo): print("deepcopy called"); r = Cust(); r.x = copy.deepcopy(self.x, memo); return r
copy.copy(Cust()); copy.deepcopy(Cust())
t = (1, [2]); print(copy.deepcopy(t) == t, copy.deepcopy(t) is t, copy.replace if hasattr(copy, "replace") else "")
import contextlib
@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("h1") as t: print("inside", t)
try:
    with tag("p"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)
with contextlib.suppress(KeyError, ZeroDivisionError):
    1 / 0
print("after suppress")
with contextlib.ExitStack() as stack:
    for n in ("a", "b"):
        stack.enter_context(tag(n))
    stack.callback(print, "callback ran")
    print("body")
import io
out = io.StringIO()
with contextlib.redirect_stdout(out):
    print("captured")
print(repr(out.getvalue()))
class R(contextlib.ContextDecorator):
    def __enter__(self): print("enter"); return self
    def __exit__(self, *exc): print("exit", exc[0]); return False
@R()
def fn(): print("fn body")
fn()
with contextlib.nullcontext(5) as v: print(v)
class Res:
    def close(self): print("closed")
with contextlib.closing(Res()): print("using")
import abc
class Base(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
    @property
    @abc.abstractmethod
    def name(self): ...
try:
    Base()
except TypeError as e:
    print("TypeError:", e)
class Half(Base):
    def area(self): return 1
try:
    Half()
except TypeError as e:
    print("TypeError:", e)
class Full(Half):
    name = "full"
print(Full().area(), Full.name, isinstance(Full(), Base), issubclass(Full, Base), sorted(Base.__abstractmethods__))
class MyIter(metaclass=abc.ABCMeta): pass
MyIter.register(list); print(isinstance([], MyIter), issubclass(tuple, MyIter))
import operator
print(operator.add(1, 2), operator.itemgetter(1, 0)("ab"), operator.attrgetter("real")(3), operator.methodcaller("upper")("x"), operator.mul(3, 4))
print(sorted([("a", 2), ("b", 1)], key=operator.itemgetter(1)), operator.neg(5), operator.contains([1], 1), operator.truediv(1, 4), operator.index(7), operator.concat("a", "b"))
print(operator.itemgetter("k")({"k": 1}), operator.attrgetter("a.b")(type("X", (), {"a": type("Y", (), {"b": 9})})), operator.is_(None, None), operator.not_(0), operator.xor(5, 3), operator.pow(2, 5))
x = [1, 2, 3]; operator.setitem(x, 0, 9); operator.delitem(x, 1); print(x, operator.getitem(x, -1), operator.length_hint(x), operator.iadd([1], [2]))
print(repr(operator.itemgetter(1)), repr(operator.attrgetter("x", "y")), repr(operator.methodcaller("f", 1, k=2)))
class S(set): pass
s = S({1, 2}); s.attr = 3; t = copy.deepcopy(s); print(type(t).__name__, sorted(t), t.attr)
print(copy.deepcopy({1, 2}), copy.deepcopy(frozenset({3})), copy.deepcopy(bytearray(b"ab")), copy.deepcopy(range(3)))
class I(int): pass
class T(tuple): pass
class St(str): pass
print(copy.deepcopy(I(5)), type(copy.deepcopy(I(5))).__name__, copy.deepcopy(T((1, [2]))), copy.deepcopy(St("x")), copy.copy(I(3)))
print((1).__getnewargs__(), "a".__getnewargs__(), (1, 2).__getnewargs__(), (1+2j).__getnewargs__(), 2.5.__getnewargs__(), b"x".__getnewargs__(), True.__getnewargs__())
import pickle
print(pickle.loads(pickle.dumps({1, 2})), pickle.loads(pickle.dumps([I(3), T((1,)), frozenset({2}), range(4), bytearray(b"q")])))
print(pickle.loads(pickle.dumps({"a": [1, 2.5, None, True], "b": (3, "x")}, protocol=2)))
print(list.__hash__, dict.__hash__, set.__hash__, bytearray.__hash__, [].__hash__, tuple.__hash__ is not None)
class L(list): pass
try:
    hash(L())
except TypeError as e:
    print(e)
class H(list):
    def __hash__(self): return 7
print(hash(H()))
class A:
    def f(self): pass
A.f.attr = 5
print(A().f.attr, hasattr(A().f, "nope"))
try:
    A().f.nope
except AttributeError as e:
    print(e)
