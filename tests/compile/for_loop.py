total = 0
for i in range(10):
    total += i
for x in [1, 2, 3]:
    print(x)
for k, v in {'a': 1}.items():
    print(k, v)
for ch in 'abc':
    if ch == 'b':
        break
else:
    print('done')
print(total)
