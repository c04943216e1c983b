# Strs holding lone surrogates: the operations where they must be exact.
lo = '\udc80'
hi = '\ud800'
mixed = 'surrogate\udc80'
print(repr(lo), len(lo), repr(hi), len(hi))
print(repr(mixed), len(mixed), ascii(mixed))
print(repr('\ud83d\ude00'), len('\ud83d\ude00'), '\ud83d\ude00' == '\U0001f600')
print(repr("it's \udfff"), repr('both \' and " \ud9ab'))

# Equality and hashing: a surrogate is not U+FFFD.
print(lo == '\ufffd', lo != '\ufffd', lo == '\udc80', lo == chr(0xdc80))
print(hash(lo), hash(mixed), hash('a\ud800b'), hash('\U0001f600\udc80'))
d = {lo: 'lo', '\ufffd': 'fffd', hi: 'hi'}
print(len(d), d[lo], d['\ufffd'], d[chr(0xd800)])
print(sorted({lo, hi, '\ufffd', 'a'}))

# Ordering is by code point.
print(sorted(['\ufffd', '\ud800', 'z', '\U0001f600', '\udc80', '\ud7ff']))
print(lo < '\ufffd', lo > '\ud7ff', hi < lo, 'a\udc80' < 'a\ufffd', max(lo, '\ufffd') == '\ufffd')

# chr and ord.
print(ord(lo), ord(hi), ord(chr(0xdfff)), repr(chr(0xdbff)), chr(0xdc00) == '\udc00')

# Indexing, slicing, iteration.
s = 'a\udc80b\ud800c'
print(repr(s[1]), repr(s[-2]), repr(s[1:4]), repr(s[::-1]), repr(s[::2]), repr(s[5:]))
print([repr(c) for c in s], [ord(c) for c in s])
print(list(map(ord, iter(s))), list(enumerate(s))[1])
try:
    s[10]
except IndexError as e:
    print('IndexError', e)

# in, find-like checks.
print(lo in s, '\ufffd' in s, 'b\ud800' in s, '' in s, hi in 'plain')

# Concatenation, repetition via join, str.join.
print(repr(s + lo), repr(lo + 'x'), repr('x' + lo + 'y'))
t = 'p'
t += hi
print(repr(t), len(t))
print(repr(''.join(['a', lo, 'b'])), repr(lo.join('xyz')), repr('-'.join([hi, lo])))
print(repr(hi + lo), len(hi + lo), hi + lo == '\U00010000')

# Formatting.
print(repr(f'{lo}{mixed!r}{hi!a}'), '%r' % lo, '{!r}'.format(hi), format(repr(lo), '>10'))
print(repr(f'[{lo}]'), repr(f'{s!s}'), repr(str(lo)), str(lo) == lo)
print([lo, hi], (mixed,), {1: lo})
