# popitem() leaves a dummy slot behind in the hash table; a dict that is
# emptied by popitem() and refilled, over and over, must still find keys
# it does not hold (a lookup that never meets an empty slot would not stop).
d = {}
for round_ in range(200):
    for k in range(5):
        d[(round_, k)] = k
    while len(d) > 1:
        d.popitem()
    print((round_, 99) in d, d.get("missing"), d.setdefault(round_, []), len(d)) if round_ % 40 == 0 else None
    d.clear() if round_ % 50 == 49 else None

f = {}
for k in range(20):
    f[k] = k
    f.popitem()
print(99 in f, f.get(3), f)

ops = [("set", "a"), ("set", "b"), ("pop",), ("set", "c"), ("pop",), ("pop",)] * 30
e = {}
log = []
for op in ops:
    if op[0] == "set":
        e[op[1]] = len(log)
    elif e:
        log.append(e.popitem())
print(len(log), log[:4], e, "z" in e, e.get(("nope",)))
e.update({"x": 1, "y": 2})
print(e, list(reversed(e)), e.pop("x"), e)
