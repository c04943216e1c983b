# How often __hash__ and __eq__ run when dicts and sets are compared,
# copied and combined: stored hashes are reused (dict ==, set algebra,
# set.update and difference_update from a set), dict views combine as
# CPython's dictviews_* do, and equal-but-distinct keys meet through
# __eq__ in view operations.
log = []


class K:
    def __init__(self, name, h=None):
        self.name = name
        self.h = hash(name) if h is None else h

    def __hash__(self):
        log.append(("hash", self.name))
        return self.h

    def __eq__(self, other):
        log.append(("eq", self.name, getattr(other, "name", other)))
        if isinstance(other, K):
            return self.h == other.h
        return NotImplemented

    def __repr__(self):
        return f"K({self.name!r})"


def run(label, f):
    log.clear()
    try:
        r = f()
    except Exception as e:
        r = f"{type(e).__name__}: {e}"
    if isinstance(r, (set, frozenset)):
        r = sorted(r, key=repr)
    print(label, r, len([x for x in log if x[0] == "hash"]),
          len([x for x in log if x[0] == "eq"]))


ks = [K(f"k{i}", i) for i in range(4)]
d = {k: i for i, k in enumerate(ks)}
s = set(ks)
run("dict copy", lambda: len(d.copy()))
run("dict eq", lambda: d == d.copy())
run("dict(d)", lambda: len(dict(d)))
run("set copy", lambda: len(s.copy()))
run("set |", lambda: len(s | set(ks)))
run("set &", lambda: len(s & set(ks)))
run("set -", lambda: len(s - set(ks[:2])))
run("set ^", lambda: len(s ^ set(ks[:2])))
run("set update", lambda: (t := set()).update(s) or len(t))
run("set difference_update", lambda: (t := set(s)).difference_update(set(ks[:1])) or len(t))
run("set symmetric_difference_update list",
    lambda: (t := set(s)).symmetric_difference_update(ks[:2]) or len(t))
run("keys | keys", lambda: len(d.keys() | d.keys()))
run("keys & list", lambda: len(d.keys() & ks[:2]))
run("keys - set", lambda: len(d.keys() - {ks[0]}))
run("keys ^ keys", lambda: len(d.keys() ^ {ks[0]: 1}.keys()))

# Distinct keys that are equal by __eq__ (same name, same hash).
a, b = K("same", 7), K("same", 7)
d1, d2 = {a: 1}, {b: 1}
run("keys ^ equal keys", lambda: d1.keys() ^ d2.keys())
print(log)
run("items ^ equal items", lambda: d1.items() ^ d2.items())
print(log)
run("keys & equal keys", lambda: d1.keys() & d2.keys())
run("keys | equal keys", lambda: d1.keys() | d2.keys())
run("keys - equal keys", lambda: d1.keys() - d2.keys())
run("items - items", lambda: d1.items() - {b: 2}.items())
run("items | items", lambda: d1.items() | {b: 2}.items())
run("dict eq equal keys", lambda: d1 == d2)
run("set - equal", lambda: {a} - {b})
run("set ^ equal", lambda: {a} ^ {b})
run("set <= equal", lambda: {a} <= {b})
run("str key eq", lambda: {K("foo"): 1} == {"foo": 1})

# Same hash, unequal: which stored element each lookup compares with.
p, q = K("p", 42), K("q", 42)
for label, f in [("^", lambda: {p} ^ {q}), ("sym", lambda: {p}.symmetric_difference({q})),
                 ("^=", lambda: (t := {p}).__ixor__({q})),
                 ("sym_update", lambda: (t := {p}).symmetric_difference_update({q})),
                 ("frozen ^", lambda: frozenset({p}) ^ {q}), ("|", lambda: {p} | {q}),
                 ("&", lambda: {p} & {q})]:
    run(label, f)
    print(log)

# Equal elements: which operand's object each result keeps, and the order.
p2, q2 = K("p2", 42), K("q2", 42)
r = [K(f"r{i}", 100 + i) for i in range(9)]
for label, f in [("& keeps", lambda: {p2} & {q2}), ("& bigger left", lambda: {p2, *r[:2]} & {q2}),
                 ("- small", lambda: {p2, r[0]} - {q2}), ("- large", lambda: {p2, *r} - {q2}),
                 ("-=", lambda: (t := {p2, *r[:3]}).__isub__({q2})),
                 ("&=", lambda: (t := {p2, r[0]}).__iand__({q2, r[0], r[1]})),
                 ("frozen -", lambda: frozenset({p2, r[1]}) - {q2}),
                 ("| keeps", lambda: {p2} | {q2})]:
    run(label, f)
    print([x for x in log if x[0] == "eq"])

# Unpacking into a set display hashes and compares Python-class elements.
log.clear()
u = {K("u", 5), *[K("v", 5), K("w", 6)], *{K("x", 6)}}
print(sorted(u, key=repr), len(log))
run("display with int", lambda: {5, *[K("y", 5)]})
