# A sequence iterator advances only when an element comes: after an
# element's error the next call asks for the same element again. A reversed
# iterator ends at any error instead.
class Flaky:
    def __init__(self):
        self.fails = {1: 2, 3: 1}

    def __getitem__(self, i):
        if self.fails.get(i):
            self.fails[i] -= 1
            raise ValueError(f"element {i} not ready")
        if i >= 5:
            raise IndexError
        return i * 10

    def __len__(self):
        return 5


for make in (iter, reversed):
    it = make(Flaky())
    got = []
    while True:
        try:
            got.append(next(it))
        except ValueError as e:
            got.append(str(e))
        except StopIteration:
            break
    print(make.__name__, got)

it = iter(Flaky())
print(next(it))
try:
    list(it)
except ValueError as e:
    print("list stopped:", e)
try:
    print(list(it))
except ValueError as e:
    print("again:", e)
