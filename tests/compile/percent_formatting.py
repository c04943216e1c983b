name = 'x'
n = 3
print('%s=%d' % (name, n))
print('%r and %s' % (name, name))
print('%-5s|%5s|' % (name, name))
print('%.2s' % ('abcdef',))
print('%%s literal %s' % (name,))
print('no args %%')
print(b'%d' % 5)
print('%s' % name)
