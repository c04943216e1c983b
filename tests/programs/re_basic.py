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
    ('(\\w+)@(\\w+)\\.com', 0): (32, [14, 4, 0, 7, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 1, 16, 64, 17, 2, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 3, 16, 46, 16, 99, 16, 111, 16, 109, 1], 2, {}, (None, None, None)),
    ('a+b', 0): (32, [14, 4, 0, 2, 4294967295, 24, 6, 1, 4294967295, 16, 97, 1, 16, 98, 1], 0, {}, (None,)),
    ('a+b', 2): (34, [14, 4, 0, 2, 4294967295, 24, 6, 1, 4294967295, 40, 97, 1, 40, 98, 1], 0, {}, (None,)),
    (b'a+b', 0): (0, [14, 4, 0, 2, 4294967295, 24, 6, 1, 4294967295, 16, 97, 1, 16, 98, 1], 0, {}, (None,)),
    ('abc', 0): (32, [14, 12, 3, 3, 3, 3, 3, 97, 98, 99, 0, 0, 0, 16, 97, 16, 98, 16, 99, 1], 0, {}, (None,)),
    ('^abc', 0): (32, [14, 4, 0, 3, 3, 6, 0, 16, 97, 16, 98, 16, 99, 1], 0, {}, (None,)),
    ('abc$', 0): (32, [14, 12, 1, 3, 3, 3, 3, 97, 98, 99, 0, 0, 0, 16, 97, 16, 98, 16, 99, 6, 5, 1], 0, {}, (None,)),
    ('', 0): (32, [14, 4, 0, 0, 0, 1], 0, {}, (None,)),
    ('a.c', 0): (32, [14, 8, 1, 3, 3, 1, 1, 97, 0, 16, 97, 2, 16, 99, 1], 0, {}, (None,)),
    ('a.c', 16): (48, [14, 8, 1, 3, 3, 1, 1, 97, 0, 16, 97, 3, 16, 99, 1], 0, {}, (None,)),
    ('[a-c]+[^a-c]', 0): (32, [14, 4, 0, 2, 4294967295, 24, 10, 1, 4294967295, 13, 5, 22, 97, 99, 0, 1, 13, 6, 21, 22, 97, 99, 0, 1], 0, {}, (None,)),
    ('\\d+\\s*\\D', 0): (32, [14, 4, 0, 2, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 24, 9, 0, 4294967295, 13, 4, 8, 12, 0, 1, 13, 4, 8, 11, 0, 1], 0, {}, (None,)),
    ('\\bfoo\\b', 0): (32, [14, 4, 0, 3, 3, 6, 10, 16, 102, 16, 111, 16, 111, 6, 10, 1], 0, {}, (None,)),
    ('\\Bfoo', 0): (32, [14, 4, 0, 3, 3, 6, 11, 16, 102, 16, 111, 16, 111, 1], 0, {}, (None,)),
    ('x*', 0): (32, [14, 4, 0, 0, 4294967295, 24, 6, 0, 4294967295, 16, 120, 1, 1], 0, {}, (None,)),
    ('\\Aab\\Z', 0): (32, [14, 4, 0, 2, 2, 6, 2, 16, 97, 16, 98, 6, 7, 1], 0, {}, (None,)),
    ('ab$', 0): (32, [14, 10, 1, 2, 2, 2, 2, 97, 98, 0, 0, 16, 97, 16, 98, 6, 5, 1], 0, {}, (None,)),
    ('é+', 0): (32, [14, 4, 0, 1, 4294967295, 24, 6, 1, 4294967295, 16, 233, 1, 1], 0, {}, (None,)),
    ('[α-ω]+', 0): (32, [14, 4, 0, 1, 4294967295, 24, 10, 1, 4294967295, 13, 5, 22, 945, 969, 0, 1, 1], 0, {}, (None,)),
    ('\\w+', 0): (32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 1], 0, {}, (None,)),
    ('[\\u4e00-\\u9fff]+', 0): (32, [14, 4, 0, 1, 4294967295, 24, 10, 1, 4294967295, 13, 5, 22, 19968, 40959, 0, 1, 1], 0, {}, (None,)),
    ('a{2,3}', 0): (32, [14, 4, 0, 2, 3, 24, 6, 2, 3, 16, 97, 1, 1], 0, {}, (None,)),
    ('a{2,3}?', 0): (32, [14, 4, 0, 2, 3, 26, 6, 2, 3, 16, 97, 1, 1], 0, {}, (None,)),
    ('\\$\\d+(?:\\.\\d\\d)?', 0): (32, [14, 8, 1, 2, 4294967295, 1, 1, 36, 0, 16, 36, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 23, 15, 0, 1, 16, 46, 13, 4, 8, 10, 0, 13, 4, 8, 10, 0, 18, 1], 0, {}, (None,)),
}
# END SRE TABLE

p = compile(r'(\w+)@(\w+)\.com')
m = p.search('mail bob@example.com now')
print(m)
print(m.groups(), m.span(), m.span(2), m.start(1), m.end(1))
print(m.group(), m.group(0, 1), m[2], m.lastindex, m.regs)
print(m.string, m.pos, m.endpos, m.re is p)
print(p.groups, p.pattern, p.flags)
print(p.match('bob@example.com'), p.match('x bob@example.com'))
print(p.fullmatch('bob@example.com!'), p.fullmatch('bob@example.com'))
print(p)
print(compile(r'abc').search('xxabcxx', 3), compile(r'abc').search('xxabcxx', 2))
print(compile(r'abc').search('xxabcxx', 0, 4), compile(r'abc').search('xxabcxx', 0, 5))
print(compile(r'^abc').search('xabc', 1), compile(r'abc$').search('abcd', 0, 3))
print(compile(r'').match('abc', 5), compile(r'').match('abc', -5))
print(compile(r'a.c').match('a\nc'), compile(r'a.c', 16).match('a\nc'))
print(compile(r'[a-c]+[^a-c]').match('abcabcd'))
print(compile(r'\d+\s*\D').search('xx 123  y'))
print(compile(r'\bfoo\b').search('a foo b'), compile(r'\Bfoo').search('afoo'))
print(compile(r'x*').match('yyy'), compile(r'\Aab\Z').match('ab'), compile(r'ab$').search('ab\n'))
print(compile('é+').search('ééé!'), compile('[α-ω]+').search('abc λόγος'))
print(compile(r'\w+').findall('héllo wörld 42_x'))
print(compile(r'[\u4e00-\u9fff]+').findall('ab中文cd汉字'))
print(compile('a{2,3}').findall('aaaaaaa'), compile('a{2,3}?').findall('aaaaaaa'))
print(compile(r'\$\d+(?:\.\d\d)?').findall('$5 and $3.50 and $.5'))
p1, p2, p3 = compile(r'a+b'), compile(r'a+b'), compile(r'a+b', 2)
print(p1 == p2, p1 != p2, p1 == p3, p1 == 'a+b', hash(p1) == hash(p2), hash(p1))
print(len({p1, p2, p3}), hash(compile(rb'a+b')))
