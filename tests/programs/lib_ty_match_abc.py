# match: classes registered with (or derived from) collections.abc.Sequence/Mapping.
import collections.abc as abc
class Seq:
    def __init__(self, items): self.items = items
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
class Map:
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __len__(self): return len(self.d)
    def __iter__(self): return iter(self.d)
    def keys(self): return self.d.keys()
    def get(self, k, default=None): return self.d.get(k, default)
abc.Sequence.register(Seq)
abc.Mapping.register(Map)
class SeqSub(abc.Sequence):
    def __init__(self, *items): self.items = items
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
def m(x):
    match x:
        case {"k": v}:
            return f"map k={v}"
        case [a, b]:
            return f"seq2 {a} {b}"
        case [a, *rest]:
            return f"seq {a} {rest}"
        case _:
            return "other"
for x in [Seq([1, 2]), Seq([1, 2, 3]), Map({"k": 5}), SeqSub(7, 8), Map({"z": 1}), "ab", Seq([])]:
    print(m(x))
class S(str):
    pass
class Plain:
    def __len__(self): return 2
    def __getitem__(self, i): return i
class MutSeq:
    def __init__(self, items): self.items = items
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
abc.MutableSequence.register(MutSeq)
for x in [S("ab"), Plain(), MutSeq(["x", "y"]), MutSeq([1])]:
    print(m(x))
def rest(x):
    match x:
        case {"k": 1, **others}:
            return others
    return None
print(rest(Map({"k": 1, "j": 2, "i": 3})))
