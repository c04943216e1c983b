# seq * n with n's __index__; pow() keywords and three-argument __pow__.
class I:
    def __index__(self):
        return 3


class NoIndex:
    pass


print([1] * I(), I() * "ab", (1,) * I(), b"x" * I(), bytearray(b"y") * I())
lst = [0]
lst *= I()
print(lst)
for call in [lambda: [1] * 2.0, lambda: "a" * "b", lambda: [1] * NoIndex(), lambda: NoIndex() * "s"]:
    try:
        call()
    except TypeError as e:
        print(e)
print(pow(2, 10), pow(base=2, exp=10), pow(2, exp=5, mod=7), pow(base=3, exp=2, mod=5), pow(2, 3, None))


class P:
    def __pow__(self, other, mod=None):
        return ("pow", other, mod)

    def __rpow__(self, other, mod=None):
        return ("rpow", other, mod)


print(pow(P(), 2, 5), pow(P(), 2), P() ** 3, 2 ** P(), pow(P(), exp=4, mod=9))
for call in [
    lambda: pow(2, P(), 5),
    lambda: pow(2.0, 2, 5),
    lambda: pow(2),
    lambda: pow(1, 2, 3, 4),
    lambda: pow(2, 3, bad=1),
    lambda: pow(exp=2),
]:
    try:
        print(call())
    except TypeError as e:
        print(e)
