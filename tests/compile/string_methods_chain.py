s = '  Hello, World  '
print(s.strip().lower().replace('world', 'there').split(','))
print(', '.join(['a', 'b']).upper())
print('abc'.startswith('a'), 'x'.center(5, '*'))
words = 'the quick brown fox'.split()
print(sorted(words, key=len, reverse=True))
