# types.GenericAlias of builtin classes (PEP 585), without the standard library.
GenericAlias = type(list[int])
print(GenericAlias, GenericAlias.__name__, GenericAlias.__module__)
print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], set[bytes], frozenset[str])
print(list['x'], list[1], list[None], list[...], type[int], list[list])
a = list[int]
print(a.__origin__, a.__args__, a.__parameters__, a.__class__, a.__name__, a.__module__)
print(a.__unpacked__, a.__typing_unpacked_tuple_args__, a.__mro_entries__(()))
print(a == list[int], a == list, a != list[str], a == dict[int], hash(a) == hash(list[int]))
print(a(range(3)), a(), dict[str, int](x=1), tuple[int, ...]("ab"), a.__reduce__())
print(GenericAlias(list, int), GenericAlias(list, (int, str)), GenericAlias(dict, ()))
print(list[int].append, list[int].__doc__ == list.__doc__)
print({list[int]: 1}[list[int]], list[list[int]].__args__[0].__origin__)

for check in (lambda: isinstance([], list[int]), lambda: issubclass(list, list[int]),
              lambda: issubclass(list, dict[str, int] | None), lambda: isinstance("s", int | list[int]),
              lambda: int[str], lambda: list[int][int], lambda: GenericAlias(list),
              lambda: GenericAlias(list, int, x=1), lambda: (lambda x: x[int])(3)):
    try:
        print(check())
    except TypeError as e:
        print("TypeError:", e)

print(isinstance(1, int | list[int]), isinstance(None, int | None), isinstance(True, (str, int | None)))
print(issubclass(bool, (str, (int,))), issubclass(bool, str | int))
for bad in (lambda: issubclass(int, 1), lambda: issubclass(1, int), lambda: isinstance(1, 1),
            lambda: issubclass(str, (int, 1))):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

# Unions with aliases.
u = list[int] | None
print(u, int | list[int], (int | list[int]).__args__, list[int] | dict[str, int] | None)
print(list[int] | list[int], (int | str) == (str | int), (int | list[int]) == (list[int] | int))
print(hash(int | list[int]) == hash(list[int] | int), type(u).__name__)

# Subclassing an alias, and classes inheriting a generic builtin base.
class MyList(list[int]):
    pass

print(MyList.__bases__, MyList.__orig_bases__, MyList([1, 2]), MyList[str])

class Counter(dict):
    pass

print(Counter[str, int], Counter[str, int]())

class Plain:
    pass

try:
    Plain[int]
except TypeError as e:
    print("TypeError:", e)

# A class with __class_getitem__ of its own, returning an alias.
class Box:
    def __class_getitem__(cls, item):
        return GenericAlias(cls, item)

print(Box[int], Box[int, str].__args__, Box[int]().__class__.__name__)
print(Box[int]().__orig_class__)

# Substituting "type variables": objects with __typing_subst__.
class TV:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "~" + self.name
    def __typing_subst__(self, arg):
        return arg

T, S = TV("T"), TV("S")
d = dict[str, T]
print(d, d.__parameters__, d[int], dict[T, list[S]][str, bytes], dict[T, list[S]].__parameters__)
print((int | list[T]).__parameters__, (int | list[T])[str], list[T] | None)
for bad in (lambda: d[int, str], lambda: dict[T, S][int]):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(hasattr(list, '__class_getitem__'), list.__class_getitem__(int), dict.__class_getitem__((str, int)))
class L(list): pass
print(L.__class_getitem__(int), hasattr(int, '__class_getitem__'), hasattr(object, '__class_getitem__'))
