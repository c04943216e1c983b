words = ["a", "bb", "ccc"]
lengths = []
for w in words:
    if len(w) == 2:
        continue
    lengths.append(len(w))
print(lengths)
