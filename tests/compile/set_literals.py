x = 3
a = {1, 2, 3}
b = {x, 4}
c = {*a, *b}
d = set()
e = {'a', 'b'}
print(x in {1, 2, 3}, x not in {4, 5}, sorted(c), d, sorted(e))
for v in {1, 2}:
    print(v)
