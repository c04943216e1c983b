x = 5
print(1 < x < 10)
print(1 < x < 3 < 10)
print(x is None, x is not None, x in [1, 5], x not in (1, 2))
if 0 < x <= 5:
    print('in range')
if x is None:
    print('none')
y = x == 5 != 6
