class LinkedList:
    class _Node:
        __slots__ = ("value", "next")

        def __init__(self, value, next=None):
            self.value = value
            self.next = next

    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for it in reversed(list(items)):
            self.push(it)

    def push(self, v):
        self.head = self._Node(v, self.head)
        self.size += 1

    def __iter__(self):
        node = self.head
        while node:
            yield node.value
            node = node.next

    def __len__(self):
        return self.size

    def __repr__(self):
        return "LinkedList([" + ", ".join(repr(v) for v in self) + "])"

    def __reversed__(self):
        return iter(list(self)[::-1])

    def __getitem__(self, i):
        for j, v in enumerate(self):
            if j == i:
                return v
        raise IndexError("LinkedList index out of range")


ll = LinkedList([1, 2, 3])
ll.push(0)
print(ll, len(ll), list(ll), ll[2], sum(ll), list(reversed(ll)) if hasattr(ll, "__reversed__") else None)
try:
    ll[10]
except IndexError as e:
    print("IndexError:", e)


class Shape:
    def area(self):
        raise NotImplementedError("subclasses must implement area")

    def __str__(self):
        return f"{type(self).__name__} with area {self.area():.2f}"


class Circle(Shape):
    PI = 3.14159

    def __init__(self, r):
        self.r = r

    def area(self):
        return self.PI * self.r ** 2


class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


shapes = [Circle(1), Rect(2, 3), Circle(0.5)]
for s in sorted(shapes, key=lambda s: s.area()):
    print(s)
try:
    Shape().area()
except NotImplementedError as e:
    print(type(e).__name__, e)
print(max(shapes, key=lambda s: s.area()).__class__.__name__)


class BankAccount:
    interest = 0.02
    _count = 0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        BankAccount._count += 1
        self.id = BankAccount._count

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("Deposit must be positive")
        self._balance += amount
        return self

    def withdraw(self, amount):
        if amount > self._balance:
            raise ValueError(f"Insufficient funds: {self._balance} < {amount}")
        self._balance -= amount
        return self

    def __repr__(self):
        return f"BankAccount({self.owner!r}, {self._balance})"

    @classmethod
    def count(cls):
        return cls._count


class Savings(BankAccount):
    interest = 0.05

    def add_interest(self):
        self._balance += self._balance * self.interest
        return self


acc = BankAccount("ann", 100).deposit(50).withdraw(30)
sv = Savings("bob", 1000).add_interest()
print(acc, acc.balance, sv, sv.id, BankAccount.count(), Savings.count())
for bad in (lambda: acc.deposit(-1), lambda: acc.withdraw(10**6)):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
try:
    acc.balance = 5
except AttributeError as e:
    print("AttributeError:", e)


class Vector:
    __slots__ = ("coords",)

    def __init__(self, *coords):
        self.coords = tuple(coords)

    def __len__(self):
        return len(self.coords)

    def __getitem__(self, i):
        return self.coords[i]

    def __add__(self, other):
        return Vector(*(a + b for a, b in zip(self, other)))

    def __mul__(self, k):
        return Vector(*(a * k for a in self))

    def __rmul__(self, k):
        return self * k

    def __eq__(self, other):
        return isinstance(other, Vector) and self.coords == other.coords

    def __hash__(self):
        return hash(self.coords)

    def __repr__(self):
        return f"Vector{self.coords}"

    def __iter__(self):
        return iter(self.coords)

    def __neg__(self):
        return -1 * self

    def __abs__(self):
        return sum(c * c for c in self) ** 0.5

    def __bool__(self):
        return any(self.coords)


v = Vector(1, 2, 3)
w = Vector(4, 5, 6)
print(v + w, v * 2, 2 * v, -v, abs(Vector(3, 4)), v == Vector(1, 2, 3), {v, Vector(1, 2, 3)})
print(len(v), v[0], v[-1], list(v), bool(Vector(0, 0)), tuple(v + v))
x, y, z = v
print(x, y, z, *w)


class Timer:
    log = []

    def __enter__(self):
        Timer.log.append("start")
        return self

    def __exit__(self, exc_type, exc, tb):
        Timer.log.append("stop" if exc_type is None else f"error:{exc_type.__name__}")
        return exc_type is ZeroDivisionError


with Timer():
    pass
with Timer():
    1 / 0
try:
    with Timer():
        int("x")
except ValueError:
    pass
print(Timer.log)


class Fib:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        a, b = 0, 1
        for _ in range(self.n):
            yield a
            a, b = b, a + b


print(list(Fib(10)), [x for x in Fib(5) if x % 2])


class Matrix2:
    def __init__(self, a, b, c, d):
        self.m = (a, b, c, d)

    def __mul__(self, o):
        a, b, c, d = self.m
        e, f, g, h = o.m
        return Matrix2(a * e + b * g, a * f + b * h, c * e + d * g, c * f + d * h)

    def __pow__(self, n):
        result = Matrix2(1, 0, 0, 1)
        base = self
        while n:
            if n & 1:
                result = result * base
            base = base * base
            n >>= 1
        return result

    def __repr__(self):
        return "Matrix2%r" % (self.m,)


print(Matrix2(1, 1, 1, 0) ** 30)


class Employee:
    raise_amount = 1.04

    def __init__(self, first, last, pay):
        self.first = first
        self.last = last
        self.pay = pay

    @property
    def email(self):
        return f"{self.first}.{self.last}@example.com".lower()

    @property
    def fullname(self):
        return f"{self.first} {self.last}"

    @fullname.setter
    def fullname(self, name):
        self.first, self.last = name.split(" ")

    def apply_raise(self):
        self.pay = int(self.pay * self.raise_amount)

    def __lt__(self, other):
        return self.pay < other.pay


class Manager(Employee):
    raise_amount = 1.10

    def __init__(self, first, last, pay, employees=None):
        super().__init__(first, last, pay)
        self.employees = employees if employees is not None else []

    def add(self, emp):
        if emp not in self.employees:
            self.employees.append(emp)

    def names(self):
        return [e.fullname for e in self.employees]


e1 = Employee("Ada", "Lovelace", 50000)
e2 = Employee("Alan", "Turing", 60000)
m = Manager("Grace", "Hopper", 90000, [e1])
m.add(e2)
m.add(e1)
m.apply_raise()
e1.apply_raise()
e1.fullname = "Augusta King"
print(m.names(), m.pay, e1.pay, e1.email, sorted([m, e1, e2])[0].fullname)
print(isinstance(m, Employee), issubclass(Manager, Employee), Manager.__mro__[1].__name__)
