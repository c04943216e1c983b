# inspect on builtins and finished frames: __text_signature__ of builtin
# functions, methods and classes, a class without __init__, getargvalues of
# a frame that has returned, isabstract inside __init_subclass__.
import inspect
import sys
from abc import ABCMeta, abstractmethod

for f in (len, divmod, sorted, list.append, [].append, dict.fromkeys, int.from_bytes,
          str.join, object, list, range.index):
    try:
        print(f.__qualname__, inspect.signature(f))
    except ValueError as e:
        print(f.__qualname__, "ValueError:", e)


class C:
    pass


class D:
    def __init__(self, a, b=2):
        pass


print(inspect.signature(C), inspect.signature(D))


def eggs(x, y):
    global fr
    fr = inspect.currentframe()
    p = x
    q = y / 0


def spam(a, /, b, c, d=3, e=4, f=5, *g, **h):
    eggs(b + d, c + f)


try:
    spam(1, 2, 3)
except ZeroDivisionError:
    pass
args, varargs, varkw, locals_ = inspect.getargvalues(fr)
print(args, varargs, varkw, sorted(locals_.items()))
print(inspect.formatargvalues(args, varargs, varkw, locals_))
args, varargs, varkw, locals_ = inspect.getargvalues(fr.f_back)
print(inspect.formatargvalues(args, varargs, varkw, locals_))

checks = []


class AbstractChecker(metaclass=ABCMeta):
    def __init_subclass__(cls):
        checks.append(inspect.isabstract(cls))


class AbstractClassExample(AbstractChecker):
    @abstractmethod
    def foo(self):
        pass


class ClassExample(AbstractClassExample):
    def foo(self):
        pass


print(checks, inspect.isabstract(AbstractClassExample), inspect.isabstract(ClassExample))

f0 = lambda: None
try:
    inspect.getcallargs(f0, 1, x=1)
except TypeError as e:
    print("TypeError:", e)
