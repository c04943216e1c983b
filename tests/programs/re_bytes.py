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
    (b'(\\w+)=(\\d+)', 0): (0, [14, 4, 0, 3, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 4, 0, 1, 17, 1, 16, 61, 17, 2, 24, 9, 1, 4294967295, 13, 4, 8, 0, 0, 1, 17, 3, 1], 2, {}, (None, None, None)),
    ('a', 0): (32, [14, 8, 3, 1, 1, 1, 1, 97, 0, 16, 97, 1], 0, {}, (None,)),
    (b'\\s+', 0): (0, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 2, 0, 1, 1], 0, {}, (None,)),
    (b'[\\x80-\\xff]+', 0): (0, [14, 4, 0, 1, 4294967295, 24, 10, 1, 4294967295, 13, 5, 22, 128, 255, 0, 1, 1], 0, {}, (None,)),
    (b'A', 2): (2, [14, 4, 0, 1, 1, 32, 97, 1], 0, {}, (None,)),
    (b'x', 0): (0, [14, 8, 3, 1, 1, 1, 1, 120, 0, 16, 120, 1], 0, {}, (None,)),
    (b'\\w+', 0): (0, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 4, 0, 1, 1], 0, {}, (None,)),
}
# END SRE TABLE

p = compile(rb'(\w+)=(\d+)')
m = p.search(b'  key=42;')
print(m, m.groups(), m.group(0), p.findall(b'a=1 b=22'))
print(compile(rb'\s+').split(b'a b\tc'), compile(rb'[\x80-\xff]+').findall(b'a\xe9\xffb'))
print(compile(rb'A', 2).sub(b'-', b'banana'), compile(rb'x').subn(b'y', b'xx'))
print(compile(rb'\w+').findall(b'h\xe9llo'), p)
for args in ((p, 'key=1'), (compile('a'), b'a'), (compile('a'), 1)):
    try:
        args[0].search(args[1])
    except TypeError as e:
        print('TypeError', e)
