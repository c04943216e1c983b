# Set-like dict views: ordering comparisons, isdisjoint, mapping.
d = {"a": 1, "b": 2, "c": 3}
k, it, vals = d.keys(), d.items(), d.values()
print(k <= {"a", "b", "c", "d"}, k < {"a", "b", "c"}, k >= {"a"}, k > {"a", "b", "c"})
print({"a"} < k, frozenset("abc") >= k, k <= k, k < k, k == {"a", "b", "c"})
print(it > {("a", 1)}, it >= {("a", 2)}, it <= d.items(), k <= {"a": 0, "b": 0, "c": 0}.keys())
for other in ([1, 2], "abc", vals, None):
    try:
        print(k < other)
    except TypeError as e:
        print("TypeError:", e)
print(k.isdisjoint(["x", "y"]), k.isdisjoint("xa"), it.isdisjoint([("a", 1)]), k.isdisjoint(k), {}.keys().isdisjoint({}.keys()))
try:
    vals.isdisjoint([1])
except AttributeError as e:
    print(e)
try:
    k.isdisjoint(5)
except TypeError as e:
    print(e)
try:
    print({1: []}.items() <= set())
except TypeError as e:
    print(e)
try:
    print({1: []}.items() | set())
except TypeError as e:
    print(e)
m = k.mapping
print(type(m).__name__, m["b"], len(m), vals.mapping == d, it.mapping is not None)
d["z"] = 26
print(list(m), "mapping" in dir(k))
