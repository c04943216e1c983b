items = [3, 1, "a"]
print(sorted(items[:2]))
sorted(items, key=lambda v: v * 2 + 1)
