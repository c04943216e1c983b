try:
    import re
    compile = re.compile
except Exception:
    # Until `import re` runs here: CPython's compiled code, through `_sre`.
    import _sre

    def compile(pattern, flags=0):
        fl, code, groups, groupindex, indexgroup = _TABLE[pattern, flags]
        return _sre.compile(pattern, fl, code, groups, groupindex, indexgroup)


# BEGIN SRE TABLE
_TABLE = {
    ('(a)|(b)', 0): (32, [14, 4, 0, 1, 1, 7, 9, 17, 0, 16, 97, 17, 1, 15, 11, 9, 17, 2, 16, 98, 17, 3, 15, 2, 0, 1], 2, {}, (None, None, None)),
    ('(?P<first>\\w+) (?P<last>\\w+)(?: (?P<extra>\\w+))?', 0): (32, [14, 4, 0, 3, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 1, 16, 32, 17, 2, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 3, 23, 19, 0, 1, 16, 32, 17, 4, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 5, 18, 1], 3, {'first': 1, 'last': 2, 'extra': 3}, (None, 'first', 'last', 'extra')),
    ('(a(b(c)))(d)?', 0): (32, [14, 12, 1, 3, 4, 3, 0, 97, 98, 99, 0, 0, 0, 17, 0, 16, 97, 17, 2, 16, 98, 17, 4, 16, 99, 17, 5, 17, 3, 17, 1, 23, 9, 0, 1, 17, 6, 16, 100, 17, 7, 18, 1], 4, {}, (None, None, None, None, None)),
    ('(?:(a)|b)*', 0): (32, [14, 4, 0, 0, 4294967295, 23, 19, 0, 4294967295, 7, 9, 17, 0, 16, 97, 17, 1, 15, 7, 5, 16, 98, 15, 2, 0, 18, 1], 1, {}, (None, None)),
    ('(a*)*', 0): (32, [14, 4, 0, 0, 4294967295, 23, 14, 0, 4294967295, 17, 0, 24, 6, 0, 4294967295, 16, 97, 1, 17, 1, 18, 1], 1, {}, (None, None)),
    ('(a|ab)(c|bcd)(d*)', 0): (32, [14, 8, 1, 2, 4294967295, 1, 0, 97, 0, 17, 0, 16, 97, 7, 3, 15, 7, 5, 16, 98, 15, 2, 0, 17, 1, 17, 2, 7, 5, 16, 99, 15, 11, 9, 16, 98, 16, 99, 16, 100, 15, 2, 0, 17, 3, 17, 4, 24, 6, 0, 4294967295, 16, 100, 1, 17, 5, 1], 3, {}, (None, None, None, None)),
    ('(\\w)(\\w)?', 0): (32, [14, 7, 4, 1, 2, 8, 14, 0, 17, 0, 13, 4, 8, 14, 0, 17, 1, 23, 12, 0, 1, 17, 2, 13, 4, 8, 14, 0, 17, 3, 18, 1], 2, {}, (None, None, None)),
    ('(?P<x>.)(?P=x)', 0): (32, [14, 4, 0, 2, 2, 17, 0, 2, 17, 1, 11, 0, 1], 1, {'x': 1}, (None, 'x')),
    ('(a)\\1+', 0): (32, [14, 8, 1, 2, 4294967295, 1, 0, 97, 0, 17, 0, 16, 97, 17, 1, 23, 5, 1, 4294967295, 11, 0, 18, 1], 1, {}, (None, None)),
    ('(a)?(?(1)b|c)', 0): (32, [14, 4, 0, 1, 2, 23, 9, 0, 1, 17, 0, 16, 97, 17, 1, 18, 12, 0, 6, 16, 98, 15, 3, 16, 99, 1], 1, {}, (None, None)),
    ('(?P<q>["\\\'])(.*?)(?P=q)', 0): (32, [14, 9, 4, 2, 4294967295, 16, 34, 16, 39, 0, 17, 0, 13, 6, 16, 34, 16, 39, 0, 17, 1, 17, 2, 26, 5, 0, 4294967295, 2, 1, 17, 3, 11, 0, 1], 2, {'q': 1}, (None, 'q', None)),
    ('x', 0): (32, [14, 8, 3, 1, 1, 1, 1, 120, 0, 16, 120, 1], 0, {}, (None,)),
    ('(?P<n>x)(?P<m>y)', 0): (32, [14, 10, 1, 2, 2, 2, 0, 120, 121, 0, 0, 17, 0, 16, 120, 17, 1, 17, 2, 16, 121, 17, 3, 1], 2, {'n': 1, 'm': 2}, (None, 'n', 'm')),
}
# END SRE TABLE

m = compile(r'(?P<first>\w+) (?P<last>\w+)(?: (?P<extra>\w+))?').match('Jane Doe')
print(m.groupdict(), m.groupdict('-'), m.groups(), m.groups(0))
print(m['first'], m.group('last', 1), m.start('last'), m.span('extra'), m.lastgroup, m.lastindex)
for bad in (3, -1, 'nope', 1.5):
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError', e)
p = compile(r'(a)|(b)')
for s in ('a', 'b'):
    m = p.match(s)
    print(m.groups(), m.lastindex, m.lastgroup, m.span(1), m.span(2))
m = compile(r'(a(b(c)))(d)?').match('abc')
print(m.groups(), m.lastindex, m.regs)
m = compile(r'(?:(a)|b)*').match('ab')
print(m.groups(), m.span(1))
m = compile(r'(a*)*').match('aaa')
print(m.groups(), m.span(1))
m = compile(r'(a|ab)(c|bcd)(d*)').match('abcd')
print(m.groups())
print(compile(r'(\w)(\w)?').findall('abc'))
print(compile(r'(?P<x>.)(?P=x)').search('abccd'))
print(compile(r'(a)\1+').search('xaaaay'))
print(compile(r'(a)?(?(1)b|c)').findall('ab c b'))
print(compile(r'(?P<q>["\'])(.*?)(?P=q)').findall('say "hi" and \'yo\''))
print(list(compile(r'(?P<n>x)(?P<m>y)').groupindex.items()), len(compile(r'x').groupindex))
