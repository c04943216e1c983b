result = []
for i in range(3):
    for j in range(3):
        if j > i:
            break
        if (i + j) % 2:
            continue
        result.append((i, j))
    else:
        result.append('no-break')
n = 0
while n < 5:
    n += 1
    for k in range(n):
        if k == 2:
            break
print(result, n)
