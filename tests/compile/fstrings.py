name = 'world'
n = 42
print(f'hello {name}')
print(f'{n!r} {n!s} {n!a}')
print(f'{n:>10}')
print(f'{n:{n}}')
print(f'{name}')
print(f'plain')
print('%s and %r' % (name, n))
print('%5s|' % (name,))
