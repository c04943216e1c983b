a = 'x' + 'y'
b = 'ab' * 3
c = ('a' 'b') + 'c'
d = b'x' * 2
e = 'k' * 0
f = -1 * 'z'
print(a, b, c, d, repr(e), repr(f))
