# One-character strings from indexing, slicing, iteration and chr() are
# shared for Latin-1 characters, as in CPython; others are fresh objects.
s = "abcé€"
print(s[0:1] is s[0], s[3] is s[3:4], s[4] is s[4], s[-1:] is s[-1])
print([c for c in s][1] is s[1], chr(233) is s[3], chr(8364) is s[4])
print(list(s), s[::-1], {c: s.count(c) for c in s})

# A shared character is never changed in place by `+=`.
t = s[0]
t += "b"
print(t, s[0], s)
u = s[0]
for _ in range(3):
    u += u
print(u, s[0], len(s[0]))

counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items()), hash(s[0]) == hash("a"))
