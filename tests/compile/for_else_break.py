def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            break
    else:
        return -1
    return i


print(find([1, 2, 3], 2), find([1], 5))
for x in range(3):
    pass
else:
    print('loop done', x)
