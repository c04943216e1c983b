# int, float, complex, list... take __str__ from object: str() of a
# subclass instance shows its own __repr__.
print(int.__str__ is object.__str__, float.__str__ is object.__str__)
print(list.__str__ is object.__str__, complex.__str__ is object.__str__)
print(str.__str__ is object.__str__, bytes.__str__ is object.__str__)
print(int.__str__("text"), float.__str__(int), int.__repr__(7))


class Money(float):
    def __repr__(self):
        return "Money(%s)" % float.__repr__(self)


class Count(int):
    def __repr__(self):
        return "Count!"


m, c = Money(2.5), Count(3)
print(str(m), m, f"{m}", "%s" % m, [m])
print(str(c), c, f"{c}", "%s" % c, "%d" % c, c + 1)

for f, args in [(int.__str__, ()), (int.__str__, (1, 2)), (object.__repr__, (1, 2)),
                (float.__repr__, ("x",))]:
    try:
        f(*args)
    except TypeError as e:
        print("TypeError:", e)
