import _string
for s in ['a{0!r:>5}b{}', 'a{{b', '}}x', 'x{a.b[c]:{w}}y', '{0[a:b]}', '', 'abc', '{!s}', 'a{', 'a}', '{0!', '{0!rr}', '{0:{a}', '{a[}', '{0!r', '{a{b}']:
    try:
        print(repr(s), list(_string.formatter_parser(s)))
    except ValueError as e:
        print(repr(s), 'ValueError', e)
for s in ['a.b[0]', '0.x', '', 'a[x][1].y', 'a[', 'a.', 'a[0]x', 'a[]']:
    try:
        f, r = _string.formatter_field_name_split(s); print(repr(s), repr(f), list(r))
    except ValueError as e:
        print(repr(s), 'ValueError', e)
for s in ['{abc', '{0:abc', '{0!r:x', '{a[0]', '{', 'x{a[b}c]}', '{a!}', '{0:{a}}}']:
    try: print(repr(s), list(_string.formatter_parser(s)))
    except ValueError as e: print(repr(s), 'ValueError', e)
