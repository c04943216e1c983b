# Special methods of a builtin base that precedes a Python mixin on the MRO,
# an empty format spec on builtin subclasses, locals() in a __prepare__ body,
# and object's class-method builtins.


class Hashy:
    def __hash__(self):
        return 99

    def __eq__(self, other):
        return "mixin eq"

    def __format__(self, spec):
        return "mixin format"


class I(int, Hashy):
    def __str__(self):
        return "I!"


print(I.__mro__)
print(hash(I(1)), I(1) == 1, {1: "found"}.get(I(1)))
print(format(I(3)), format(I(3), ""), int.__format__(I(3), ""), int.__format__(I(3), "x"))


class F(float):
    def __str__(self):
        return "F!"


class S(str):
    def __str__(self):
        return "S!"


class C(complex):
    def __str__(self):
        return "C!"


for x in (F(2.5), S("ab"), C(1j)):
    print(type(x).__format__(x, ""), f"{x}", format(x, ">4") if not isinstance(x, complex) else "")


class NS(dict):
    def __setitem__(self, k, v):
        print("set", k)
        super().__setitem__(k, v)

    def update(self, d):
        print("update", sorted(d))
        for k, v in d.items():
            self[k] = v


class M(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return NS()


class A(metaclass=M):
    print(type(vars()).__name__, type(locals()).__name__)
    vars().update({"x": 1})
    vars()["y"] = 2
    z = x + y
    print(dir())


print(A.x, A.y, A.z)


class B:
    pass


print(B.__init_subclass__ is object.__init_subclass__, B.__init_subclass__.__self__)
print(B.__subclasshook__.__self__, B().__init_subclass__.__self__)
print(B.__subclasshook__(int), B.__init_subclass__())
print(object.__dict__["__init_subclass__"], type(object.__dict__["__subclasshook__"]).__name__)
print(dict.__dict__["fromkeys"], dict.__dict__["fromkeys"].__objclass__)
print(B.__name__ is B.__name__)
for args in [(1, "x"), (1, "x", 2)]:
    try:
        B.__init_subclass__(*args)
    except TypeError as e:
        print(e)
try:
    B.__init_subclass__(x=1)
except TypeError as e:
    print(e)


class D:
    def method(self):
        "the doc"


print(object.__getattribute__(D().method, "__doc__"))
for args in [(b"1", "ascii", 9), ("1", "ascii", 9), (1, "ascii", 9), (1, 5, 9), (1, 5)]:
    try:
        print(repr(str(*args)))
    except TypeError as e:
        print(e)
