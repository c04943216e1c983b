# Every empty str, bytes and tuple is one object: id() agrees with `is`,
# however the empty value was made (a constructor, a slice, a join, a
# repetition, a conversion).
def ids(make):
    return len({id(make(i)) for i in range(50)})


makers = {
    "str()": lambda i: str(),
    "str slice": lambda i: "abc"[3 + i:],
    "join": lambda i: "".join([]),
    "repeat": lambda i: "ab" * 0,
    "bytes()": lambda i: bytes(),
    "bytes slice": lambda i: b"abc"[i:i],
    "bytes join": lambda i: b"".join([]),
    "tuple()": lambda i: tuple(),
    "tuple list": lambda i: tuple([]),
    "tuple slice": lambda i: (1, 2)[5:],
    "tuple repeat": lambda i: (1,) * 0,
}
for name, make in makers.items():
    print(name, ids(make))

e1, e2 = str(), "abc"[:0]
print(e1 is e2, id(e1) == id(e2), id("") == id(e2))
t1, t2 = tuple(), tuple(x for x in [])
print(t1 is t2, id(t1) == id(t2), id(()) == id(t2))
b1, b2 = bytes(), bytes(bytearray())
print(b1 is b2, id(b1) == id(b2))
# Non-empty values keep their own identity.
s1, s2 = "".join(["a", "b"]), "".join(["a", "b"])
print(s1 is s2, id(s1) == id(s2))
print(id(bytearray()) != id(b""), id(frozenset([1])) != id(()))
