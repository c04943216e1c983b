# Exceptions of Python classes use the special methods their classes define,
# as instances do: sequence protocol, truth, calls, indexing, item assignment.
class Seq:
    def __init__(self):
        self._c = [1, 2]

    def __len__(self):
        return len(self._c)

    def __getitem__(self, i):
        return self._c[i]


class SeqError(Seq, ValueError):
    pass


m = SeqError()
print(len(m), m[0], 2 in m, 3 in m, list(m), list(reversed(m)))
print(bool(m), "yes" if m else "no")
m._c = []
print(bool(m), not m, "yes" if m else "no", m or "empty")


class Rich(Exception):
    def __bool__(self):
        return False

    def __call__(self, x):
        return ("called", x)

    def __index__(self):
        return 2

    def __iter__(self):
        return iter(self.args)

    def __contains__(self, x):
        return x == "z"

    def __setitem__(self, k, v):
        print("set", k, v)

    def __delitem__(self, k):
        print("del", k)


r = Rich(1, 2)
print(bool(r), r(5), "abcd"[r], [0, 1, 2, 3][r], list(r), "z" in r, 1 in r)
r["k"] = 3
del r["k"]
print(sorted(r), tuple(r), dict.fromkeys(r))


class Plain(Exception):
    pass


p = Plain()
for op in (iter, len, lambda v: 1 in v, lambda v: v[0], lambda v: v(), reversed):
    try:
        op(p)
    except TypeError as e:
        print("TypeError:", e)
print(bool(p), bool(Plain()))
