x = 'b'
if x in ['a', 'b', 'c']:
    print('list')
if x in ('a',):
    print('tuple')
if x not in {'z', 'y'}:
    print('set')
for ch in ['p', 'q']:
    print(ch)
for n in {1, 2, 3}:
    pass
print([c for c in ['m', 'n'] if c in {'m'}])
