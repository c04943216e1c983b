names = ['isalpha', 'isdecimal', 'isdigit', 'isnumeric', 'isspace', 'isupper', 'islower', 'istitle', 'isalnum', 'isprintable', 'isidentifier', 'upper', 'lower', 'title', 'casefold', 'swapcase', 'capitalize']
acc = [0] * len(names)
first_bad = [None] * len(names)
for cp in range(0, 0x20000, 41):
    if 0xD800 <= cp < 0xE000:
        continue
    c = chr(cp)
    s = c + 'a' + c
    row = (c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isspace(), c.isupper(), c.islower(), c.istitle(), c.isalnum(), c.isprintable(), c.isidentifier(), s.upper(), s.lower(), s.title(), s.casefold(), s.swapcase(), s.capitalize())
    for i in range(len(row)):
        v = row[i]
        if v.__class__ is str:
            key = 0
            for ch in v:
                key = key * 7 + ord(ch)
        else:
            key = int(v)
        acc[i] = (acc[i] * 31 + key + cp) % 1000000007
for i in range(len(names)):
    print(names[i], acc[i])
