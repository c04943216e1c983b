# != on builtin subclasses defining only __eq__; singleton identity.
class S(str):
    def __eq__(self, o):
        return True

    __hash__ = str.__hash__


print(S("a") != "b", "b" != S("a"), S("a") == "b", S("a") != "a")


class L(list):
    def __eq__(self, o):
        return "eqres"


print(L() != [1], [1] != L(), L() == [])


class N(int):
    def __eq__(self, o):
        return False


print(N(1) != 1, 1 != N(1), N(1) != 2)


class Plain:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v


print(Plain(1) != Plain(1), Plain(1) != Plain(2))


class E(Exception):
    def __eq__(self, o):
        return True


print(E() != E())
empty_t = ()
empty_s = ""
empty_b = b""
a = ()
b = tuple([])
print(a is b, empty_t is a, empty_s is "".strip(), empty_b is b"".strip(), empty_s is str(), empty_b is bytes(), tuple() is empty_t)
print("".join([]) is empty_s, "abc"[3:] is empty_s, b"abc"[:0] is empty_b)
a = 256
b = 256
print(a is b)
x = 250
y = x + 6
print(y is b)
x = -4
y = x - 1
m5 = -5
print(y is m5)
hundred, seven, three = 100, 7, 3
print(int("100") is hundred, len([1] * 7) is seven, sum([1, 2]) is three)
