from array import array


class Ix:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


class Broken:
    def __index__(self):
        raise ArithmeticError("index failed")


# array slices take any object with __index__, as list and bytearray do.
for make in (list, bytearray, lambda v: array("i", v)):
    seq = make([10, 20, 30, 40, 50])
    print(seq[Ix(1):Ix(4)], seq[Ix(4):Ix(0):Ix(-2)])
    seq[Ix(0):Ix(2)] = make([7])
    print(seq)
    seq[Ix(3):Ix(0):Ix(-1)] = make([1, 2, 3])
    print(seq)
    del seq[Ix(0)::Ix(2)]
    print(seq)
    # The __index__ error is the one that comes out, before any check of the
    # value assigned.
    for action in (
        lambda: seq.__setitem__(slice(Broken(), 2), make([1])),
        lambda: seq.__setitem__(slice(0, 2), "wrong type"),
        lambda: seq.__setitem__(slice("a", 2), "wrong type"),
        lambda: seq.__setitem__(slice(0, 2, 0), "wrong type"),
        lambda: seq.__delitem__(slice(None, None, Broken())),
        lambda: seq[Broken():],
    ):
        try:
            action()
            print("no error", seq)
        except Exception as e:
            print(type(e).__name__, e)


# An __index__ that resizes the array runs before the length is read.
a = array("b", [1, 2, 3, 4])


class Shrinks:
    def __index__(self):
        del a[2:]
        return 10


a[Shrinks():] = array("b", [9])
print(a)
