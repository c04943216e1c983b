s = list(range(10))
print(s[1:3], s[:3], s[3:], s[::2], s[1:8:3], s[:], s[-1:])
s[1:3] = [9, 9]
del s[::2]
print(s)
i = 2
print(s[i:i + 2], s[i:], s[:i])
t = 'abcdef'[1:4]
m = [[1, 2], [3, 4]]
print(m[0][1], t)
