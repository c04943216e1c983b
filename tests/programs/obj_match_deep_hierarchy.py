# `match` reads a class's sequence/mapping flag along its MRO once: a deep
# hierarchy without one, and one with a list base far below, stay quick.
cls = object
for i in range(200):
    cls = type(f"C{i}", (cls,), {})

deep = cls()
listy = type("L0", (list,), {})
for i in range(200):
    listy = type(f"L{i + 1}", (listy,), {})


def kind(x):
    match x:
        case [*items]:
            return f"sequence of {len(items)}"
        case {}:
            return "mapping"
        case _:
            return "other"


print(kind(deep), kind(listy([1, 2])), len(type(deep).__mro__))
