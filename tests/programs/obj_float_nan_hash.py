# A NaN hashes by the identity of the object itself, for float subclasses
# too, whatever their other bases define.
value = float("nan")
print(hash(value) == object.__hash__(value))


class H:
    def __hash__(self):
        return 42


class F(float, H):
    pass


class G(float):
    pass


for cls in (F, G):
    v = cls("nan")
    print(cls.__name__, hash(v) == object.__hash__(v), float.__hash__(v) == object.__hash__(v))
    print(hash(cls(1.5)) == hash(1.5), hash(cls("inf")), hash(cls(-2.0)))
a, b = G("nan"), G("nan")
print(len({a, b}), len({a, a}))
