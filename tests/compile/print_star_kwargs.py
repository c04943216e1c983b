args = ['a', 'b']
opts = {'sep': '|', 'end': '<\n'}
print(*args, **opts)
print(*args, 'c', *args, sep='')
