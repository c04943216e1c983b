d = {"a": 1}
d["b"] = d["a"] + 1
print(d, "a" in d)
