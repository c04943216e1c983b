class Node:
    def __init__(self, value, children=None):
        self.value = value
        self.children = children or []

    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c

    def __repr__(self):
        return f"Node({self.value!r})"

    def __eq__(self, other):
        return isinstance(other, Node) and self.value == other.value

    __hash__ = None


tree = Node(1, [Node(2, [Node(4)]), Node(3)])
print(list(tree), sum(tree), max(tree), sorted(tree, reverse=True))
print([Node(1), Node(2)] == [Node(1), Node(2)], (Node(1),) == (Node(2),), [Node(1)] != [Node(1)])
print(Node(2) in [Node(1), Node(2)], Node(5) in tree.children)


class Shape:
    sides = 0

    @classmethod
    def make(cls):
        return cls()

    @property
    def kind(self):
        return type(self).__name__.lower()

    def __repr__(self):
        return f"<{self.kind} with {self.sides} sides>"


class Triangle(Shape):
    sides = 3

    @classmethod
    def make(cls):
        obj = super().make()
        obj.made = True
        return obj


class Square(Shape):
    sides = 4

    @property
    def kind(self):
        return "square!"


t = Triangle.make()
print(t, t.made, Square.make(), Shape.make(), [s.kind for s in (t, Square())])


class Matrix:
    def __init__(self, rows):
        self.rows = rows

    def __matmul__(self, other):
        n, m, p = len(self.rows), len(other.rows), len(other.rows[0])
        return Matrix([[sum(self.rows[i][k] * other.rows[k][j] for k in range(m)) for j in range(p)] for i in range(n)])

    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]

    def __len__(self):
        return len(self.rows)

    def __repr__(self):
        return f"Matrix({self.rows})"


a = Matrix([[1, 2], [3, 4]])
b = a @ a
print(b, b[1, 0], len(b))


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, o):
        return Money(self.cents + (o.cents if isinstance(o, Money) else o))

    __radd__ = __add__

    def __sub__(self, o):
        return Money(self.cents - o.cents)

    def __lt__(self, o):
        return self.cents < o.cents

    def __eq__(self, o):
        return self.cents == o.cents

    def __hash__(self):
        return hash(self.cents)

    def __str__(self):
        return f"${self.cents / 100:.2f}"

    def __repr__(self):
        return f"Money({self.cents})"

    def __format__(self, spec):
        return format(str(self), spec)

    def __bool__(self):
        return self.cents != 0

    def __int__(self):
        return self.cents

    def __float__(self):
        return self.cents / 100

    def __round__(self, n=0):
        return Money(round(self.cents, n - 2))


wallet = [Money(150), Money(99), Money(1000)]
print(sum(wallet), sorted(wallet), min(wallet), max(wallet))
print(f"[{Money(5):>8}]", str(Money(12345)), int(Money(7)), float(Money(250)))
print(Money(3) - Money(1), Money(0) or "empty", {Money(1): "x"}[Money(1)])
total = Money(0)
for m in wallet:
    total += m
print(total, repr(total))


class Registry:
    def __init__(self):
        self._items = {}

    def __setitem__(self, k, v):
        self._items[k] = v

    def __getitem__(self, k):
        try:
            return self._items[k]
        except KeyError:
            raise KeyError(f"unknown {k}") from None

    def __contains__(self, k):
        return k in self._items

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(sorted(self._items))

    def __delitem__(self, k):
        del self._items[k]


r = Registry()
r["b"] = 2
r["a"] = 1
print(len(r), "a" in r, list(r), dict((k, r[k]) for k in r))
del r["a"]
try:
    r["zz"]
except KeyError as e:
    print("KeyError", e, e.__suppress_context__)
print(len(r), bool(r))


class Stack:
    def __init__(self):
        self.items = []

    def push(self, x):
        self.items.append(x)
        return self

    def pop(self):
        if not self.items:
            raise IndexError("pop from empty stack")
        return self.items.pop()


st = Stack().push(1).push(2)
print(st.pop(), st.pop())
try:
    st.pop()
except IndexError as e:
    print(e)


class Temperature:
    scale = "C"

    def __init__(self, deg):
        self.deg = deg

    def __repr__(self):
        return f"{self.deg}{self.scale}"


class Fahrenheit(Temperature):
    scale = "F"


temps = [Temperature(20), Fahrenheit(68)]
print(temps, [type(t).__name__ for t in temps], Fahrenheit.scale, Temperature("x").scale)
Temperature.scale = "K"
print(temps, Fahrenheit(1))
print(getattr(Fahrenheit, "scale"), hasattr(Temperature, "deg"), Temperature.__name__)
