# Any mapping after ** (keys() and __getitem__), and collections.abc
# Mapping/Sequence subclasses in match statements.
import collections.abc as cabc


class Keys:
    def keys(self):
        return ["a", "b"]

    def __getitem__(self, k):
        return k.upper()


class MyMap(cabc.Mapping):
    def __init__(self, d):
        self.d = d

    def __getitem__(self, k):
        return self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


class MySeq(cabc.Sequence):
    def __init__(self, *items):
        self.items = items

    def __getitem__(self, i):
        return self.items[i]

    def __len__(self):
        return len(self.items)


def f(**kw):
    return kw


print(f(**Keys()), f(x=1, **MyMap({"y": 2})), dict(**Keys()))
for call in (lambda: f(a=0, **Keys()), lambda: f(**Keys(), **{"b": 1}), lambda: f(**object()),
             lambda: f(**MyMap({1: 2}))):
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)


def describe(subject):
    match subject:
        case {"a": v, **rest}:
            return f"mapping a={v} rest={rest}"
        case [first, *others]:
            return f"sequence first={first} others={others}"
        case _:
            return "other"


for s in (MyMap({"a": 1, "z": 2}), MySeq(1, 2, 3), MySeq(), {"a": 0}, (5,), "str", Keys()):
    print(type(s).__name__, describe(s))
