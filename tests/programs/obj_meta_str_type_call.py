# A metaclass's __str__ and __repr__ give str(), format() and % of its classes.
class Shown(type):
    def __str__(cls):
        return "str of " + cls.__name__

    def __repr__(cls):
        return "repr of " + cls.__name__


class Point(metaclass=Shown):
    pass


print(str(Point), repr(Point), Point)
print(f"{Point}|{Point!r}|{Point:}", format(Point))
print("%s / %r / %a" % (Point, Point, Point))
print("%(c)s" % {"c": Point}, [Point], (Point,))


# type(name, bases, ns): the most derived metaclass of the bases wins.
class Counting(type):
    calls = []

    def __call__(cls, *args, **kwargs):
        Counting.calls.append(cls.__name__)
        return super().__call__(*args, **kwargs)


class Base(metaclass=Counting):
    pass


class Mixin:
    pass


Made = type("Made", (Base, Mixin), {"x": 1})
print(type(Made).__name__, Made.x)
Made()
print(Counting.calls)


# ... and its Python __new__ and __init__ both run.
class Logged(type):
    log = []

    def __new__(meta, name, bases, ns):
        Logged.log.append(("new", name))
        return super().__new__(meta, name, bases, ns)

    def __init__(cls, name, bases, ns):
        Logged.log.append(("init", name))
        super().__init__(name, bases, ns)


class Root(metaclass=Logged):
    pass


Leaf = type("Leaf", (Root,), {})
print(type(Leaf).__name__, Logged.log)


class Other(type):
    pass


class Elsewhere(metaclass=Other):
    pass


try:
    type("Both", (Root, Elsewhere), {})
except TypeError as e:
    print("TypeError:", e)
