# Binary operators whose left operand's class defines the method in Python:
# results, NotImplemented fallbacks, errors raised inside, recursion,
# tracing, and the method kinds that take other paths.
import sys


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        return V(self.x + other.x)

    def __sub__(self, other):
        return NotImplemented

    def __rsub__(self, other):
        return "rsub never runs for two V"

    def __mul__(self, other):
        if other.x == 0:
            raise ZeroDivisionError("mul by zero V")
        return self.x * other.x

    def __truediv__(self, other):
        return self / other

    def __mod__(self, other, extra=1):
        return ("mod with default", extra)

    def __repr__(self):
        return f"V({self.x})"


a, b = V(3), V(4)
print(a + b, (a + b + b).x)
try:
    a - b
except TypeError as e:
    print("TypeError:", e)
try:
    a * V(0)
except ZeroDivisionError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("ZeroDivisionError:", e, names)
print(a * b)
try:
    a / b
except RecursionError as e:
    print("RecursionError:", e)
print(a % b)


class W(V):
    def __rsub__(self, other):
        return "W.__rsub__ first"


print(a - W(1))
print(W(2) + a)


def make_adder(k):
    class C:
        def __init__(self, x):
            self.x = x

        def __add__(self, other):
            return self.x + other.x + k

    return C


C = make_adder(100)
print(C(1) + C(2))


class L:
    __add__ = lambda self, other: "lambda add"
    __sub__ = staticmethod(lambda *args: ("static", len(args)))


try:
    print(L() + L())
    print(L() - L())
except TypeError as e:
    print("TypeError:", e)


class G:
    def __add__(self, other):
        yield "generator add"


print(type(G() + G()).__name__)


class NI:
    def __add__(self, other):
        return NotImplemented

    def __radd__(self, other):
        return "radd"


try:
    NI() + NI()
except TypeError as e:
    print("TypeError:", e)
print(1 + NI())


events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("__add__", "__sub__"):
        events.append((event, frame.f_code.co_name, arg if event == "return" else None))
    return tracer


sys.settrace(tracer)
r = a + b
try:
    a - b
except TypeError:
    pass
sys.settrace(None)
print(r, events)


def sum_all(items):
    total = items[0]
    for it in items[1:]:
        total = total + it
    return total


print(sum_all([V(i) for i in range(10)]))
print(V(1) + V(None))
