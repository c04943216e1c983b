# Sequence repetition by a count past Py_ssize_t fails whatever its sign;
# __index__ returning a strict int subclass warns; bytearray's item slots
# are reachable as methods; eval() refuses a code object with free variables.
import warnings


class Big:
    def __index__(self):
        return 2**100


class Neg:
    def __index__(self):
        return -(2**100)


for n in (2**100, -(2**100), Big(), Neg()):
    for seq in ("a", [1], b"a", (1,), bytearray(b"a")):
        try:
            seq * n
        except OverflowError as e:
            print(type(seq).__name__, e)
print("a" * -5, [1] * -(2**62), (1,) * 0)


class BadInt:
    def __index__(self):
        return True


class BadInt2(int):
    def __index__(self):
        return True


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print([10, 20][BadInt()], "ab"[BadInt2(0)], range(5)[BadInt()])
    for x in w:
        print(x.category.__name__, x.message)
warnings.simplefilter("error")
try:
    [1, 2][BadInt()]
except DeprecationWarning as e:
    print("error:", e)
warnings.resetwarnings()

ba = bytearray(b"abcdef")
print(ba.__getitem__(1), ba.__getitem__(slice(1, 3)), ba.__len__(), ba.__contains__(99))
ba.__setitem__(0, 65)
ba.__delitem__(1)
print(ba, list(ba.__iter__())[:2], bytearray.__getitem__(ba, Big.__index__(Big()) % 5))


def outer():
    x = 1

    def inner():
        return x

    return inner.__code__


try:
    eval(outer())
except TypeError as e:
    print(e)
try:
    exec(outer())
except TypeError as e:
    print(e)
