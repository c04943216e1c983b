x = 1; y = 2; z = x + y
if x: print('one-line if')
for i in range(2): print(i)
while False: pass
def f(): return 'inline'
class K: pass
print(z, f(), K)
