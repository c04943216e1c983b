import itertools
m = [[1, 2, 3], [4, 5, 6]]
print(m[1][::-1], m[0][1:], m[-1][-2:])
t = (1, 2, 3, 4)
print(t[1:3], t[::2], t[slice(1, 2)])
s = 'hello'
print(s[1:-1], s[::-1], s[:])
i, j = 1, 3
print(s[i:j], s[i:], s[:j], s[i:j:1])
