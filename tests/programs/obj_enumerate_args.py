# enumerate: argument parsing of the type and of a subclass, counts past
# sys.maxsize, __index__ starts; reversed's __length_hint__.
import sys


class E(enumerate):
    pass


class Idx:
    def __index__(self):
        return 5


calls = [
    (("abc", 2, 3), {}),
    (("abc", "a"), {}),
    ((1,), {}),
    ((), {}),
    (("abc",), {"start": 1.5}),
    (("abc",), {"x": 1}),
    (("abc", 2), {"start": 3}),
    (("abc",), {"iterable": "x"}),
    ((), {"start": 1}),
    ((), {"iterable": "ab", "start": 1}),
    ((), {"start": 1, "iterable": "ab"}),
    ((), {"start": 1, "x": "ab"}),
    ((), {"start": 1, "iterable": "ab", "x": 2}),
    (("ab",), {"start": Idx()}),
    (("ab", True), {}),
]
for args, kw in calls:
    for f in (enumerate, E):
        try:
            print(f.__name__, list(f(*args, **kw)))
        except TypeError as e:
            print(f.__name__, "TypeError:", e)

print(list(enumerate("abc", sys.maxsize)))
print(list(enumerate("abc", sys.maxsize - 1)))
print(list(enumerate("abc", -sys.maxsize - 3)))
print(list(enumerate("ab", 10**30)))
e = enumerate("abc", sys.maxsize + 1)
print(e.__reduce__()[1][1])
next(e)
print(e.__reduce__()[1][1])
print(type(E("x")).__name__, list(E("xy", sys.maxsize)))


class WeirdLen:
    called = False

    def __len__(self):
        if not self.called:
            self.called = True
            return 10
        raise ZeroDivisionError

    def __getitem__(self, i):
        return i


r = reversed(WeirdLen())
try:
    r.__length_hint__()
except ZeroDivisionError:
    print("ZeroDivisionError")


class Seq:
    n = 3

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return i


s = Seq()
r = reversed(s)
print(r.__length_hint__())
next(r)
print(r.__length_hint__())
s.n = 1
print(r.__length_hint__())
s.n = 5
print(list(r), r.__length_hint__())
