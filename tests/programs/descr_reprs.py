# Builtin methods: slot wrappers and method descriptors, their names and owners.
objs = [
    int.__add__, str.join, object.__init__, list.__len__, dict.__getitem__,
    list.append, dict.get, object.__repr__, int.__repr__, str.__str__,
    type.__call__, list.__init__, object.__eq__, int.__hash__, list.__iter__,
    set.__contains__, tuple.__getitem__, float.__mul__, str.__mod__,
]
for o in objs:
    print(repr(o), o.__name__, o.__qualname__, o.__objclass__, type(o).__name__)
print(type(int.__add__), type(str.join), type((1).__add__).__name__)
print(int.__add__(2, 3), str.join("-", "ab"), list.__len__([1, 2]))
print(dict.__repr__ is list.__repr__, int.__add__ is int.__add__)
