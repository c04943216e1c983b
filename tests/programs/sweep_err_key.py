data = {"a": {"b": 1}}
def get(path):
    cur = data
    for p in path.split("."):
        cur = cur[p]
    return cur
print(get("a.b"))
print(get("a.c"))
