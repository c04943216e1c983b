s = "pith"
items = []
items.append(s.upper())
items.append(len(items))
print(items)
