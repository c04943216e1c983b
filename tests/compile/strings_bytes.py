a = 'single'
b = "double"
c = '''triple'''
d = r'raw\n'
e = b'bytes\x00'
f = 'con' 'cat'
g = 'unicode é ü 中'
h = '\u2603'
i = u'kind'
print(a, b, c, d, e, f, g, h, i, len(g))
