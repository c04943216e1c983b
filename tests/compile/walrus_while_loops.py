data = [3, 1, 4, 1, 5]
i = 0
while (v := data[i]) != 5:
    i += 1
print(i, v)
lines = iter(['a', 'b', ''])
while line := next(lines):
    print(line)
