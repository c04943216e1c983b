# len() of instances whose class defines __len__ in Python: results of every
# kind __len__ may return (bool, int subclass, __index__ objects, negative,
# huge, wrong type), errors raised inside, recursion, and other callers.


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class Idx:
    def __index__(self):
        return 7


class MyInt(int):
    pass


for n in (0, 3, True, False, MyInt(5), Idx()):
    r = len(Sized(n))
    print(repr(n) if not isinstance(n, Idx) else "Idx()", "->", r, type(r).__name__)
for bad in (-1, 2**70, -(2**70), "3", 2.0, None):
    try:
        len(Sized(bad))
    except (TypeError, ValueError, OverflowError) as e:
        print(repr(bad), "->", type(e).__name__, e)


class Raises:
    def __len__(self):
        raise KeyError("inside")


try:
    len(Raises())
except KeyError as e:
    print("KeyError:", e)


class Deep:
    def __len__(self):
        return len(self)


try:
    len(Deep())
except RecursionError as e:
    print("RecursionError:", e)


class WithDefault:
    def __len__(self, extra=4):
        return extra


print(len(WithDefault()), bool(Sized(0)), bool(Sized(2)))
try:
    len(Sized(1), 2)
except TypeError as e:
    print("TypeError:", e)


class L(list):
    def __len__(self):
        return super().__len__() * 10


print(len(L([1, 2])), len([1, 2, 3]), len("abc"))
ln = len


def total(items):
    return sum(ln(x) for x in items) + len(items)


print(total([Sized(1), Sized(2), L([0])]))
print(len(Sized("x")))
