words = ['apple', 'bob', 'civic', 'dog']
pal = {w for w in words if w == w[::-1]}
lengths = {w: len(w) for w in words if len(w) > 3 if w[0] != 'd'}
nested = {(i, j) for i in range(3) for j in range(i)}
print(sorted(pal), lengths, sorted(nested))
