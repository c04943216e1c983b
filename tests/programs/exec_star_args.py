# f(*x) and f(**x) with a value that is not an iterable / a mapping: the
# message names the callee as CPython's _PyObject_FunctionStr does.
import math


def f(*a, **k):
    return a, k


class A:
    def m(self, *a, **k):
        pass

    @staticmethod
    def s(*a):
        pass

    @classmethod
    def c(cls, *a):
        pass


class Bad:
    def __iter__(self):
        raise TypeError("iteration itself failed")


tests = [
    "f(*5)", "f(**5)", "print(*5)", "print(**5)", "A().m(*5)", "A.m(A(), *5)",
    "A().m(**5)", "A.s(*5)", "A.c(*5)", "len(*5)", "[].append(*5)", "A(*5)",
    "(lambda: 0)(*5)", "f(*5, **{})", "f(1, *5)", "f(*[], *5)", "f(**{}, **5)",
    "f(x=1, **5)", "max(*None)", "dict(**[])", "f(**{1: 2})", "print(**{1: 2})",
    "math.sqrt(*5)", "[*5]", "(*5,)", "{*5}", "f(*Bad())", "[*Bad()]",
    "f(**{'a': 1}, a=2)", "f(a=1, **{'a': 2})",
]
for t in tests:
    try:
        exec(t)
        print("OK", t)
    except TypeError as e:
        print(f"{t!r:22} {e}")
print(len.__qualname__, [].append.__qualname__, [].append.__module__, print.__module__,
      math.sqrt.__module__, (1).__add__.__qualname__, {}.get.__qualname__)


class S(str):
    pass


print(f(**{S("a"): 1}))
