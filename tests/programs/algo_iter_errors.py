def bad():
    yield 1
    raise KeyError("gen")
class H:
    def __hash__(self): raise RuntimeError("hash")
class E:
    def __eq__(self, o): raise RuntimeError("eq")
    __hash__ = object.__hash__
class S:
    def __str__(self): raise RuntimeError("str")
    def __format__(self, spec): raise RuntimeError("format")
    def __repr__(self): raise RuntimeError("repr")
def k(x): raise RuntimeError("key")
tests = [lambda: sorted(bad()), lambda: list(bad()), lambda: tuple(bad()), lambda: set(bad()), lambda: frozenset(bad()),
         lambda: min(bad()), lambda: max(bad()), lambda: sum(bad()), lambda: any(x > 5 for x in bad()), lambda: all(bad()),
         lambda: list(enumerate(bad())), lambda: list(zip(bad(), bad())), lambda: list(map(k, [1])), lambda: list(filter(k, [1])),
         lambda: "{}".format(S()), lambda: f"{S()}", lambda: print(S()), lambda: str([S()]), lambda: sorted([3, 1], key=k),
         lambda: E() in [1], lambda: {H(): 1}, lambda: H() in {1: 2},
         lambda: {x: x for x in bad()}, lambda: [x for x in bad()], lambda: dict.fromkeys(bad()), lambda: list(reversed(list(bad()))),
         lambda: "-".join(map(str, bad())), lambda: bytes(bad()), lambda: bytearray(bad()), lambda: " ".join(S() for _ in "a"),
         lambda: "%s" % S(), lambda: repr({1: S()}), lambda: [1, 2].extend(bad()), lambda: {1}.update(bad()),
         lambda: {}.update(bad()), lambda: max([1, 2], key=k), lambda: list(iter(k, 1)), lambda: divmod(S(), 1), lambda: len(S()),
         lambda: set([1]).issubset(bad()), lambda: [].__iadd__(bad()) if False else [1] + list(bad()), lambda: ",".join(bad())]
for i, t in enumerate(tests):
    try:
        print(i, t())
    except Exception as e:
        print(i, type(e).__name__, e)
