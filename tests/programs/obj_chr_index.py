# chr() takes anything with __index__ (and int subclasses), and a number past a
# C int is an OverflowError rather than the range ValueError.
class Seventy:
    def __index__(self):
        return 77


class Huge:
    def __index__(self):
        return 2**40


class MyInt(int):
    pass


print(chr(Seventy()), chr(MyInt(65)), repr(chr(True)))
for v in [2**40, 2**70, -(2**40), -1, 0x110000, 1.5, "a", Huge(), None]:
    try:
        print(repr(chr(v)))
    except Exception as e:
        print(type(e).__name__, e)
