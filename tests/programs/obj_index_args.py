# Builtin methods taking a count, width or position accept any object
# whose __index__ gives an int, as CPython's Py_ssize_t converter does.
class Idx:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        return self.n

print("a b c d".split(maxsplit=Idx(1)))
print("a b c d".rsplit(None, Idx(2)))
print(b"a b c".split(maxsplit=Idx(1)))
print(bytearray(b"a b c").rsplit(maxsplit=Idx(1)))
print("123".zfill(Idx(6)), b"7".zfill(Idx(3)))
print("x".center(Idx(5), "*"), "x".ljust(Idx(3)) + "|", "x".rjust(Idx(3)))
print(b"x".center(Idx(5)), b"x".ljust(Idx(2)), b"x".rjust(Idx(2)))
print("aaaa".replace("a", "b", Idx(2)), b"aaaa".replace(b"a", b"b", Idx(3)))
print("a\tb".expandtabs(Idx(4)), b"a\tb".expandtabs(Idx(2)))
print("a\nb".splitlines(Idx(1)), b"a\nb".splitlines(Idx(1)))
l = [1, 2, 3]
l.insert(Idx(1), 9)
print(l, l.pop(Idx(0)), l)
ba = bytearray(b"xyz")
print(ba.pop(Idx(1)), ba)
print((258).to_bytes(Idx(4), "big"))
print(b"\x01\x02\x03".hex(":", Idx(2)))
try:
    [1].insert("0", 1)
except TypeError as e:
    print("TypeError:", e)
class Bad:
    def __index__(self):
        return "no"
try:
    "a".zfill(Bad())
except TypeError as e:
    print("TypeError:", e)
