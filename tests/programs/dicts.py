# Dicts and sets.
d = {"a": 1, "b": 2}
d["c"] = 3
d["a"] = 10
print(d, len(d), d["b"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
for k, v in d.items():
    print(k, v)
del d["b"]
print(d, d.pop("c"), d, d.setdefault("x", 5), d)
counts = {}
for w in "the cat the dog the end".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
sq = {i: i * i for i in range(5)}
print(sq, {1: "a", 1.0: "b", True: "c"}, {(1, 2): "t"}, dict(a=1, b=2), dict([("x", 1)]))
d2 = dict(sq)
d2.update({10: 100})
print(d2, d2 == sq, {**sq, "z": 0})
s = {3, 1, 2}
s.add(2)
s.add(5)
print(s, len(s), 2 in s, {1, 2} | {2, 3}, {1, 2} & {2, 3}, {1, 2} - {2}, {1, 2} ^ {2, 3})
print(set(), set([1, 1, 2]), frozenset([3, 4]), {x % 3 for x in range(10)}, sorted({"b", "a"}))
print({1, 2} <= {1, 2, 3}, {1, 2} == {2, 1}, set("aab") == {"a", "b"})
nested = {"k": [1, 2, {"deep": (1, 2)}]}
print(nested, nested["k"][2]["deep"][1])
e = {}
print(e, bool(e), bool({0: 0}), {None: None})
view = {"x": 1, "y": 2}
print(view.keys(), view.values(), view.items(), len(view.keys()), "x" in view.keys(), 2 in view.values())
print(sorted(view.items(), key=lambda kv: -kv[1]), list(view), bool({}.keys()), type(view.items()).__name__)
k = view.keys()
view["z"] = 3
print(k, list(zip(view.keys(), view.values())))
