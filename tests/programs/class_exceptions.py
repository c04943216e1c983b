class AppError(Exception):
    """Base error of the app."""


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"missing {key!r}")
        self.key = key


class Oops(ValueError):
    pass


class Detailed(Exception):
    def __init__(self, code, msg):
        self.code = code
        self.msg = msg

    def __str__(self):
        return f"[{self.code}] {self.msg}"


def find(d, k):
    if k not in d:
        raise NotFound(k)
    return d[k]


try:
    find({}, "x")
except AppError as e:
    print(type(e).__name__, e, e.args, e.key, repr(e))

try:
    raise Oops("bad value")
except ValueError as e:
    print("caught as ValueError:", e, isinstance(e, Oops), isinstance(e, Exception))

try:
    raise Detailed(404, "not here")
except Detailed as e:
    print(str(e), e.args, e.code, repr(e))

try:
    raise Oops
except Oops as e:
    print("class raised:", repr(e), e.args)

for exc in (NotFound("k"), Oops("v"), KeyError("z")):
    try:
        raise exc
    except (NotFound, KeyError) as e:
        print("tuple caught", type(e).__name__)
    except Exception as e:
        print("generic", type(e).__name__, e)

print(issubclass(NotFound, AppError), issubclass(NotFound, Exception), NotFound.__mro__)


class Chained(Exception):
    pass


try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise Chained("wrapped") from z
except Chained as c:
    print(c, type(c.__cause__).__name__, c.__cause__)

e = AppError("a", "b")
e.extra = 5
print(e.extra, e.args, str(e))


class WithArgs(Exception):
    def __init__(self, *args):
        super().__init__(*args)


print(repr(WithArgs()), repr(WithArgs(1)), repr(WithArgs(1, 2)), str(WithArgs(1, 2)))


def count(n):
    caught = 0
    for i in range(n):
        try:
            if i % 2:
                raise NotFound(i)
            raise Oops(i)
        except NotFound as e:
            caught += e.key
        except Oops:
            caught -= 1
    return caught


print(count(100))
