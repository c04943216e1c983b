# Subscripts of instances whose class defines __getitem__ in Python: keys of
# every kind, errors raised inside, closures (super()), defaults, recursion,
# and the classes that take other paths.


class Grid:
    def __init__(self, rows):
        self.rows = rows

    def __getitem__(self, key):
        if isinstance(key, tuple):
            r, c = key
            return self.rows[r][c]
        if isinstance(key, slice):
            return Grid(self.rows[key])
        return self.rows[key]

    def __repr__(self):
        return f"Grid({self.rows})"


g = Grid([[1, 2], [3, 4], [5, 6]])
print(g[0], g[1, 1], g[-1][0], g[1:], g[::2][1])
try:
    g[7]
except IndexError as e:
    print("IndexError:", e)
try:
    g["x"]
except TypeError as e:
    print("TypeError:", e)


class Sub(list):
    def __getitem__(self, i):
        return ("Sub", super().__getitem__(i))


s = Sub([10, 20, 30])
print(s[1], s[-1], len(s))


class Default:
    def __getitem__(self, key, scale=10):
        return key * scale


print(Default()[4])


class Counting:
    calls = 0

    def __getitem__(self, key):
        Counting.calls += 1
        if key >= 5:
            raise IndexError(key)
        return key * key


c = Counting()
print([x for x in c], Counting.calls)  # the old iteration protocol
print(sum(c[i] for i in range(5)), Counting.calls)


class Deep:
    def __getitem__(self, key):
        return self[key + 1]


try:
    Deep()[0]
except RecursionError as e:
    print("RecursionError:", e)


class D(dict):
    def __missing__(self, key):
        return f"missing {key}"


d = D(a=1)
print(d["a"], d["b"])


class Meta:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"


print(Meta[int])


class Gen:
    def __getitem__(self, key):
        yield key


print(type(Gen()[1]).__name__)


def lookup(m, keys):
    out = []
    for k in keys:
        out.append(m[k])
    return out


print(lookup(g, [0, 2, (2, 1)]))
print(g[0, 5])
