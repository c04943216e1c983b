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
    ('\\d+', 0): (32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 1], 0, {}, (None,)),
    ('\\d', 0): (32, [14, 7, 4, 1, 1, 8, 10, 0, 13, 4, 8, 10, 0, 1], 0, {}, (None,)),
    ('o', 0): (32, [14, 8, 3, 1, 1, 1, 1, 111, 0, 16, 111, 1], 0, {}, (None,)),
    ('x*', 0): (32, [14, 4, 0, 0, 4294967295, 24, 6, 0, 4294967295, 16, 120, 1, 1], 0, {}, (None,)),
    ('a', 0): (32, [14, 8, 3, 1, 1, 1, 1, 97, 0, 16, 97, 1], 0, {}, (None,)),
    ('z', 0): (32, [14, 8, 3, 1, 1, 1, 1, 122, 0, 16, 122, 1], 0, {}, (None,)),
    ('(b)', 0): (32, [14, 8, 1, 1, 1, 1, 0, 98, 0, 17, 0, 16, 98, 17, 1, 1], 1, {}, (None, None)),
    ('[,;]\\s*', 0): (32, [14, 9, 4, 1, 4294967295, 16, 44, 16, 59, 0, 13, 6, 16, 44, 16, 59, 0, 24, 9, 0, 4294967295, 13, 4, 8, 12, 0, 1, 1], 0, {}, (None,)),
    ('([,;])', 0): (32, [14, 9, 4, 1, 1, 16, 44, 16, 59, 0, 17, 0, 13, 6, 16, 44, 16, 59, 0, 17, 1, 1], 1, {}, (None, None)),
    (',', 0): (32, [14, 8, 3, 1, 1, 1, 1, 44, 0, 16, 44, 1], 0, {}, (None,)),
    ('\\b', 0): (32, [14, 4, 0, 0, 0, 6, 10, 1], 0, {}, (None,)),
    ('(a)|b', 0): (32, [14, 4, 0, 1, 1, 7, 9, 17, 0, 16, 97, 17, 1, 15, 7, 5, 16, 98, 15, 2, 0, 1], 1, {}, (None, None)),
    ('^\\w', 8): (40, [14, 4, 0, 1, 1, 6, 1, 13, 4, 8, 14, 0, 1], 0, {}, (None,)),
    ('\\w$', 8): (40, [14, 7, 4, 1, 1, 8, 14, 0, 13, 4, 8, 14, 0, 6, 6, 1], 0, {}, (None,)),
    ('', 0): (32, [14, 4, 0, 0, 0, 1], 0, {}, (None,)),
    ('|a', 0): (32, [14, 4, 0, 0, 1, 7, 3, 15, 7, 5, 16, 97, 15, 2, 0, 1], 0, {}, (None,)),
    ('a*', 0): (32, [14, 4, 0, 0, 4294967295, 24, 6, 0, 4294967295, 16, 97, 1, 1], 0, {}, (None,)),
    ('\\w+', 0): (32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 1], 0, {}, (None,)),
}
# END SRE TABLE

p = compile(r'\d+')
print(p.findall('a1b22c333'), p.findall('a1b22c333', 2), p.findall('a1b22c333', 0, 4))
print([m.span() for m in compile(r'a*').finditer('baac')])
print([m.group() for m in compile(r'\w+').finditer('the quick fox')])
print(compile(r'x*').sub('-', 'abxd'), compile(r'x*').subn('-', 'abxd'))
print(compile(r'a').sub('A', 'banana', 2), compile(r'a').subn('A', 'banana', count=1))
print(compile(r'\d').sub(lambda m: str(int(m.group()) * 2), 'a1b2c9'))
print(compile(r'z').sub('', 'abc'), compile(r'(b)').sub(lambda m: None, 'abc'))
print(compile(r'[,;]\s*').split('a, b;c,d'), compile(r'([,;])').split('a,b;c'))
print(compile(r',').split('a,b,c,d', 2), compile(r'x*').split('axbc'), compile(r'\b').split('a b'))
print(compile(r'(a)|b').split('xaybz'))
sc = compile(r'\d').scanner('a1b2')
print(sc.search(), sc.search(), sc.search(), sc.pattern)
sc = compile(r'\d').scanner('12a3')
print(sc.match(), sc.match(), sc.match())
it = compile(r'o').finditer('foo boo')
print(next(it).span(), list(m.start() for m in it))
print(compile(r'^\w', 8).findall('one\ntwo\nthree'), compile(r'\w$', 8).findall('one\ntwo'))
print(compile(r'').findall('abc'), compile(r'|a').findall('abc'))
