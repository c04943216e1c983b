# list()/tuple() ask a Python object for its length hint; reversed() of a
# user sequence is a lazy `reversed` object; explicit container __init__.
class Seq:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        print("len called")
        return self.n

    def __getitem__(self, i):
        print("getitem", i)
        if i >= self.n or i < -self.n:
            raise IndexError(i)
        return i * 10

    def __iter__(self):
        print("iter called")
        return iter(range(self.n))


print(list(Seq(3)))
print(tuple(Seq(2)))
print(sorted(Seq(2)), [*Seq(1)])


class BadLen:
    def __len__(self):
        raise ValueError("bad len")

    def __iter__(self):
        return iter([1])


class TypeLen:
    def __len__(self):
        return "x"

    def __iter__(self):
        return iter([1])


class Hint:
    def __iter__(self):
        return iter([1, 2])

    def __length_hint__(self):
        print("hint")
        return 2


for obj in (BadLen(), TypeLen(), Hint()):
    try:
        print(list(obj), tuple(obj))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)


class Plain:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        print("get", i)
        if i >= 3:
            raise IndexError(i)
        return chr(97 + i)


r = reversed(Plain(3))
print(type(r).__name__, r.__length_hint__())
print(next(r))
print(next(r), r.__length_hint__())
print(list(r), r.__length_hint__(), list(r))
print(list(reversed(Plain(0))), iter(r) is r)


class Stop:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if i == 1:
            raise StopIteration
        return i


print(list(reversed(Stop())))


def star(*args):
    return args


print(star(*Seq(2)))


class Boom:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        raise KeyError(i)


rb = reversed(Boom())
try:
    next(rb)
except KeyError as e:
    print("KeyError", e)

l = [1, 2, 3]
l.__init__([9])
print(l)
list.__init__(l, "ab")
print(l)
l.__init__()
print(l)
d = {"a": 1}
d.__init__(b=2)
print(d)
dict.__init__(d, [("c", 3)], a=0)
print(d)
s = {1}
s.__init__([5, 6])
print(s)
set.__init__(s)
print(s)


class MyList(list):
    def __init__(self, *a):
        print("MyList init", a)
        super().__init__(*a)


m = MyList("xy")
print(m, len(m))
m.__init__("z")
print(m)
