# The methods every object inherits from `object` that `dir()` lists:
# orderings, `__dir__`, `__sizeof__`; and `dir()` through a user `__dir__`.
class Plain: pass


print(object.__lt__(1, 2), object.__ge__(Plain(), Plain()))
print(Plain().__le__(3), Plain().__gt__(None))
try:
    Plain() < Plain()
except TypeError as e:
    print("TypeError:", e)
print(object.__dir__ is not None, "__dir__" in dir(object))
print(sorted(object.__dir__(Plain())) == dir(Plain()))
print(sorted(type.__dir__(Plain)) == dir(Plain))

for o in (Plain(), (), (1,), {}, set(), 1, "abc", 1.5, b"ab", bytearray(b"x"), range(3), 2**100, None):
    print(type(o).__name__, o.__sizeof__())


class Listed:
    def __dir__(self):
        return ["b", "a", "c"]


print(dir(Listed()))


class Meta(type):
    def __dir__(cls):
        return ("zz", "yy")


class WithMeta(metaclass=Meta):
    pass


print(dir(WithMeta), dir(WithMeta()) == dir(object()) + ["__dict__", "__module__", "__weakref__"] or dir(WithMeta()))


class Bad:
    def __dir__(self):
        return 5


try:
    dir(Bad())
except TypeError as e:
    print("TypeError:", e)
print(float.__getformat__("double"), float.__getformat__("float"))
for arg in ("int", 1):
    try:
        float.__getformat__(arg)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class Blocked:
    __bool__ = None


class BlockedWithLen:
    def __len__(self):
        return 10
    __bool__ = None


for cls in (Blocked, BlockedWithLen):
    try:
        bool(cls())
    except TypeError as e:
        print("TypeError:", e)
    try:
        print("yes" if cls() else "no")
    except TypeError as e:
        print("TypeError:", e)
print(bool.from_bytes(b"\x00" * 8, "big"), bool.from_bytes(b"\x01", "little"), type(bool.from_bytes(b"\x02", "big")))
