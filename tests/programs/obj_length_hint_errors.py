# list(), list.extend() and bytearray.extend() ask an instance for its length
# (or length hint) to presize, and errors other than TypeError propagate.


class BadLen:
    def __iter__(self):
        return iter(range(3))

    def __len__(self):
        raise RuntimeError("len failed")


class BadHint:
    def __iter__(self):
        return iter(range(3))

    def __length_hint__(self):
        raise RuntimeError("hint failed")


class TypeErrorLen:
    def __iter__(self):
        return iter(range(3))

    def __len__(self):
        raise TypeError("ignored")


class NotImplementedHint:
    def __iter__(self):
        return iter(range(3))

    def __length_hint__(self):
        return NotImplemented


for cls in (BadLen, BadHint, TypeErrorLen, NotImplementedHint):
    for name, f in [
        ("list", lambda: list(cls())),
        ("list.extend", lambda: [9].extend(cls())),
        ("bytearray.extend", lambda: bytearray(b"x").extend(cls())),
        ("tuple", lambda: tuple(cls())),
    ]:
        try:
            out = f()
            print(cls.__name__, name, "->", out)
        except RuntimeError as err:
            print(cls.__name__, name, "RuntimeError:", err)
        except TypeError as err:
            print(cls.__name__, name, "TypeError:", err)

l = [0]
l.extend(NotImplementedHint())
print(l)
b = bytearray()
b.extend(NotImplementedHint())
print(b)
