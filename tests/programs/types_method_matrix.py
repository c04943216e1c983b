pool = [None, 0, 1, -1, 2, 3, 100, -100, 2**63, -2**63, 2**70, 1.5, '', 'a', 'ab', ' ', 'é', 'aéb', b'', b'a', b'ab', [], ['a', 'b'], ('a', 'b'), {}, {97: 'x'}, True]
receivers = ['', 'abc', ' a b ', 'AbC dEf', 'é😀x', 'a\tb\nc\r\nd', '12', 'ΣΑΣ', b'', b'abc', b' a b ', b'\xff\x00']
names = ['capitalize', 'casefold', 'center', 'count', 'encode', 'endswith', 'expandtabs', 'find', 'format', 'index', 'isalnum', 'isalpha', 'isascii', 'isdecimal', 'isdigit', 'isidentifier', 'islower', 'isnumeric', 'isprintable', 'isspace', 'istitle', 'isupper', 'join', 'ljust', 'lower', 'lstrip', 'partition', 'removeprefix', 'removesuffix', 'replace', 'rfind', 'rindex', 'rjust', 'rpartition', 'rsplit', 'rstrip', 'split', 'splitlines', 'startswith', 'strip', 'swapcase', 'title', 'translate', 'upper', 'zfill', 'decode', 'hex']
def digest(text):
    h = 0
    for ch in text:
        h = (h * 131 + ord(ch)) % 1000000007
    return h

out = []
for r in receivers:
    for n in names:
        if not hasattr(r, n):
            continue
        m = getattr(r, n)
        acc = 0
        calls = [()] + [(a,) for a in pool] + [(a, b) for a in pool[:10] for b in pool[11:17]]
        for args in calls:
            try:
                v = m(*args)
                acc = (acc * 31 + digest(repr(v)[:60])) % 1000000007
            except Exception as e:
                acc = (acc * 31 + digest(type(e).__name__)) % 1000000007
        out.append(repr(r) + "." + n + " " + str(acc))
for line in out:
    print(line)
