k = 'key'
d1 = {}
d2 = {'a': 1, 'b': 2, 'c': 3}
d3 = {k: 1, 'x': k}
d4 = {**d2}
d5 = {'z': 0, **d2, 'y': 1, **d3}
d6 = {1: 'one', 2: 'two'}
d7 = {(1, 2): 'tuple'}
print(d1, d2, d3, d4, d5, d6, d7)
