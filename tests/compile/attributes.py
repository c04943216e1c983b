class O:
    pass


o = O()
o.a = 1
o.a += 2
o.b = [1, 2]
o.b[0] += 5
print(o.a, o.b)
del o.a
d = {'k': 1}
d['k'] *= 3
print(d)
