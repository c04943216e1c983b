# Rich comparisons whose left operand's class defines the method in Python,
# as values and as branch conditions: results, NotImplemented fallbacks to
# the reflected method and to identity, errors, truth tests of the result.


class P:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v

    def __gt__(self, other):
        return "gt:" + str(self.v > other.v)

    def __le__(self, other):
        return NotImplemented

    def __ge__(self, other):
        return NotImplemented

    def __eq__(self, other):
        if other.v is None:
            raise ValueError("no value")
        return NotImplemented if self.v == "ni" else self.v == other.v

    def __repr__(self):
        return f"P({self.v!r})"


a, b = P(1), P(2)
print(a < b, b < a, a > b)
try:
    print(a <= b)  # __le__ NotImplemented, then b.__ge__ NotImplemented too
except TypeError as e:
    print("TypeError:", e)
print(a == P(1), a != P(1), a == b, a != b)
x = P("ni")
print(x == x, x == P("ni"), x != x)
try:
    a == P(None)
except ValueError as e:
    print("ValueError:", e)

if a < b:
    print("branch a < b")
if not (b < a):
    print("branch not b < a")
if a > b:
    print("branch a > b (a non-empty str is true)")
n = 0
i = P(0)
while i < P(5):
    i = P(i.v + 1)
    n += 1
print("loop ran", n)


class Falsy:
    def __bool__(self):
        raise RuntimeError("no truth")


class Q:
    def __eq__(self, other):
        return Falsy()

    def __lt__(self, other):
        return other.missing


try:
    if Q() == Q():
        print("unreachable")
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    if Q() < Q():
        print("unreachable")
except AttributeError as e:
    print("AttributeError:", e)


class OnlyEq:
    def __eq__(self, other):
        return "eq result"


o = OnlyEq()
print(o == o, o != o)  # != falls back to the inverse of __eq__
print(sorted([P(3), P(1), P(2)]))


def first_greater(items, limit):
    for it in items:
        if limit < it:
            return it
    return None


print(first_greater([P(1), P(5), P(9)], P(4)))


class Deep:
    def __lt__(self, other):
        return self < other


try:
    Deep() < Deep()
except RecursionError as e:
    print("RecursionError:", e)
if P(1) == P("x") or P(2) < P(1):
    pass
print(P(1) < P("x"))
