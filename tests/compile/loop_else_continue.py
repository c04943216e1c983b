for i in range(3):
    if i == 1:
        continue
    print(i)
else:
    print('else')
n = 0
while n < 3:
    n += 1
    if n == 2:
        continue
else:
    print('while else', n)
