DEBUG = False
if True:
    print('always')
if False:
    print('never')
if None:
    pass
if 0:
    x = 1
else:
    x = 2
if 'text':
    y = 1
while False:
    pass
print(x, y, DEBUG)
