class Item:
    """An item in stock."""
    tax = 0.2

    def __init__(self, name, price, qty=0):
        self.name = name
        self.price = price
        self.qty = qty

    def total(self):
        return self.price * self.qty * (1 + self.tax)

    def __repr__(self):
        return f"Item({self.name!r}, {self.price}, {self.qty})"


class Perishable(Item):
    tax = 0.05

    def __init__(self, name, price, qty=0, days=3):
        super().__init__(name, price, qty)
        self.days = days

    def age(self):
        self.days -= 1
        return self.days > 0


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


def public(obj):
    return [n for n in dir(obj) if not n.startswith("_")]


stock = [Item("hammer", 12.5, 4), Perishable("milk", 0.99, 20), Item("nails", 0.05, 1000), Perishable("bread", 2.25, 5, 1)]
print(public(stock[0]))
print(public(stock[1]))
print(public(Perishable), public(Item))
print(dir(Slotted()) == dir(Slotted), public(Slotted()), "__dict__" in dir(Slotted), "__weakref__" in dir(Item))
print(dir(object) == sorted(dir(object)), len(dir(object)), [n for n in dir(Item) if n not in dir(object)])
print(vars(stock[1]))
for it in stock:
    fields = {k: getattr(it, k) for k in vars(it)}
    print(f"{type(it).__name__:<10} {fields}")
print(f"{'name':<8}{'price':>8}{'qty':>6}{'total':>10}")
for it in sorted(stock, key=lambda i: -i.total()):
    print(f"{it.name:<8}{it.price:>8.2f}{it.qty:>6}{it.total():>10.2f}")
grand = sum(i.total() for i in stock)
print(f"{'':<22}{grand:>10.2f}")
for it in stock:
    if hasattr(it, "age"):
        print(it.name, "fresh" if it.age() else "expired", it.days)
setattr(stock[0], "color", "red")
print(public(stock[0]), stock[0].color, getattr(stock[0], "weight", None))
delattr(stock[0], "color")
print(hasattr(stock[0], "color"), public(stock[0]) == public(stock[2]))
restock = {"hammer": 6, "nails": -500, "glue": 3}
by_name = {i.name: i for i in stock}
for name, n in sorted(restock.items()):
    item = by_name.get(name)
    if item is None:
        print(f"unknown item {name!r}")
        continue
    item.qty += n
    print(f"{name}: now {item.qty}")
print(stock)
print(Item.__doc__, Perishable.__doc__, Item.total.__name__, Perishable.age.__qualname__)
