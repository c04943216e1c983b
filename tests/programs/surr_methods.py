# str methods keep lone surrogates.
s = ' a\udc80B \ud800c '
print(ascii(s.strip()), ascii(s.lstrip()), ascii(s.rstrip()), ascii(s.strip(' c\ud800')))
print(ascii(s.upper()), ascii(s.lower()), ascii(s.swapcase()), ascii(s.title()), ascii(s.capitalize()))
print(ascii(s.casefold()), ascii(s.center(14, '\udfff')), ascii(s.ljust(12)), ascii(s.rjust(12, '*')))
print(ascii(s.split()), ascii(s.split('\udc80')), ascii(s.rsplit(' ', 1)), ascii('a\udc80\nb\ud800\r\nc'.splitlines()))
print(ascii(s.partition('\udc80')), ascii(s.rpartition('\ud800')), ascii(s.partition('x')))
print(ascii(s.replace('\udc80', '[\udcff]')), ascii(s.replace(' ', '')), ascii(s.replace('\ufffd', '?')))
print(s.find('\udc80'), s.find('\ufffd'), s.rfind('\ud800'), s.index('B'), s.count('\ud800'), s.count('\ufffd'))
print(s.startswith(' a\udc80'), s.startswith(' a\ufffd'), s.endswith('c '), s.endswith('\ud800c '))
print(ascii('\udc80x'.removeprefix('\udc80')), ascii('x\udc80'.removesuffix('\udc80')), ascii('\udc80'.zfill(4)))
print(ascii('a\udc80\tb'.expandtabs(4)), ascii('-\udc80-'.split('-', maxsplit=1)))
for m in ['isalpha', 'isalnum', 'isdecimal', 'isdigit', 'isnumeric', 'isidentifier', 'islower',
          'isupper', 'isspace', 'istitle', 'isprintable', 'isascii']:
    print(m, getattr('\udc80', m)(), getattr('a\udc80', m)(), getattr('A\udc80', m)(), getattr('\ufffd', m)())
print(ascii('\udc80'.encode('unicode_escape')), ascii('\\\t\n\x00\xe9\u20ac\U0001f600'.encode('unicode_escape')))
print(ascii('a\udc80\xe9\\'.encode('raw_unicode_escape')))
print(ascii(sorted('b\udc80a\ud800')), ascii(list(reversed('x\udc80y'))), ascii(set('\udc80\udc80')))
print(ascii(max('a\udc80\ufffd')), ascii(min(['\udc80', '\ud7ff'])), ascii(str('\udc80')))
print(ascii('\udc80' * 3), ascii(2 * 'a\ud800'), ascii('\udc80' * 0))
lo = '\udc80'
print(ascii('<%s>' % lo), ascii('%s-%s' % (lo, 'x\ud800')), ascii('%5s|%-3s|' % (lo, lo)), ascii('\udc80%d' % 7))
print(ascii('%r %s' % (lo, lo)), ascii('%(a)s' % {'a': 1}))
print(ascii('{}{}'.format(lo, '\ud800')), ascii('{:>4}'.format(lo)), ascii('{0!r}'.format(lo)), ascii('\udc80{x}'.format(x=lo)))
print(ascii('{x}'.format_map({'x': 2})), ascii(format(lo)))
print(ascii(f'{lo:>4}'), ascii(f'{lo:*^5}{lo}'), ascii(format(lo, '<3')), ascii(f'{lo!s:>2}'))
