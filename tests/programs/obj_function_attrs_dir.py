# A class's __class__ is its metaclass even when the class defines a
# __class__ property for its instances; slot wrappers that take no arguments
# refuse some; functions' __defaults__/__kwdefaults__ can be replaced and
# deleted; dir() lists a function's own attributes and a builtin base's
# slot wrappers.


class Disguised:
    @property
    def __class__(self):
        return int


print(Disguised.__class__, Disguised().__class__, type(Disguised()).__name__)
print(isinstance(Disguised(), int), isinstance(Disguised, type))

for call in (lambda: [3].__iter__(1), lambda: [3].__len__(1, 2), lambda: list.__iter__([3], 1),
             lambda: (5).__neg__(1), lambda: "x".__hash__(None), lambda: (2.5).__int__(0)):
    try:
        call()
        print("accepted")
    except TypeError as e:
        print("TypeError:", e)


def pos(a=1, b=2):
    return a, b


pos.__defaults__ = (10, 20)
print(pos(), pos.__defaults__)
del pos.__defaults__
print(pos.__defaults__)
del pos.__defaults__
try:
    pos()
except TypeError as e:
    print("TypeError:", e)


def kw(*, x=0, y=1):
    return x, y


print(kw.__kwdefaults__)
kw.__kwdefaults__ = {"x": 5, "y": 6}
print(kw(), kw.__kwdefaults__, kw.__dict__)
kw.__kwdefaults__["y"] = 7
print(kw())
del kw.__kwdefaults__
print(kw.__kwdefaults__)
try:
    kw()
except TypeError as e:
    print("TypeError:", e)
kw.__kwdefaults__ = None
for bad in (3, [("x", 1)]):
    try:
        kw.__kwdefaults__ = bad
    except TypeError as e:
        print("TypeError:", e)


def tagged():
    pass


tagged.zeta = 1
tagged.alpha = 2
names = dir(tagged)
print([n for n in names if not n.startswith("__")], "__call__" in names, names == sorted(names))


class Items(list):
    extra = 1


class Table(dict):
    pass


print([n for n in ("__iter__", "__len__", "__getitem__", "append", "extra") if n in dir(Items)])
print([n for n in ("__iter__", "__contains__", "keys", "__missing__") if n in dir(Table())])
