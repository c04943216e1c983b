# Replacing values while iterating a dict that has had keys deleted: the
# table is not rebuilt for a store to an existing key, so iteration sees
# every key.
d = {"class": 1, "formatter": 2, "level": 3, "stream": 4, "9": 5}
for k in ("class", "formatter", "level"):
    d.pop(k)
seen = []
for k in d:
    seen.append(k)
    d[k] = "x"
print(seen, d)


class D(dict):
    def __getitem__(self, key):
        value = dict.__getitem__(self, key)
        if isinstance(value, int):
            value = str(value)
            self[key] = value
        return value


d = D(("k%d" % i, i) for i in range(12))
for i in range(0, 12, 2):
    del d["k%d" % i]
print({k: d[k] for k in d})
print(list(d.items()))

# Many deletions, then replacing every value during iteration.
big = {i: i for i in range(100)}
for i in range(90):
    del big[i]
count = 0
for k in big:
    big[k] = -k
    count += 1
print(count, sorted(big.values())[:3])

# Adding a key during iteration is still an error.
try:
    for k in big:
        big["new"] = 1
except RuntimeError as e:
    print("RuntimeError", e)

