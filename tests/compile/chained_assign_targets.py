class O:
    pass


o = O()
l = [0, 0]
o.x = l[0] = y = 5
a = b = c = d = []
print(o.x, l, y, a is d)
