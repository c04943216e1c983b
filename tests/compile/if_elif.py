x = 5
if x > 3:
    print('big')
elif x > 1:
    print('medium')
else:
    print('small')
if x:
    pass
if not x:
    print('zero')
if x and x < 10 or x == 100:
    print('cond')
y = 'yes' if x else 'no'
print(y)
