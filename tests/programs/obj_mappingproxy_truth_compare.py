# A mappingproxy's truth is its mapping's length, and it compares as the
# mapping it shows, whatever kind of mapping that is.
mappingproxy = type(type.__dict__)


class userdict(dict):
    pass


class Mapping:
    def __init__(self, d):
        self.d = d

    def __getitem__(self, k):
        return self.d[k]

    def __len__(self):
        return len(self.d)

    def __eq__(self, other):
        print("Mapping.__eq__", type(other).__name__)
        return self.d == other


for m in ({}, {"x": 1}, userdict(), userdict(x=1, y=2), Mapping({}), Mapping({"a": 1})):
    p = mappingproxy(m)
    print(type(m).__name__, bool(p), not p, "yes" if p else "no")
    print(p == m, m == p, p != m, p == {"x": 1}, {"x": 1} == p)
    print(p == mappingproxy(m), [p] == [m], p in [m])

p = mappingproxy({"x": 1, "y": 2})
print(p == userdict(x=1, y=2), userdict(x=1, y=2) == p)
try:
    p < {}
except TypeError as e:
    print(e)
print(sorted([mappingproxy({1: 2})], key=len))


class C:
    pass


print(bool(mappingproxy(vars(C))), C.__dict__ == dict(C.__dict__))
