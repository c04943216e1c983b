class A:
    def __init__(self):
        self.v = [1, 2, 3]
        self.d = {'x': 1}


a = A()
a.v[0] += 10
a.d['x'] -= 1
a.v[1:2] = [7]
a.v[-1] *= 2
i = 0
a.v[i] |= 8
print(a.v, a.d)
