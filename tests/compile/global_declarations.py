total = 0
items = []


def add(x):
    global total
    total += x
    items.append(x)


def reset():
    global total, items
    total = 0
    items = []


add(3)
add(4)
print(total, items)
reset()
print(total, items)
