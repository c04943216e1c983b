class Vec:
    def __init__(self, *c):
        self.c = c

    def __add__(self, o):
        return Vec(*(a + b for a, b in zip(self.c, o.c)))

    def __len__(self):
        return len(self.c)

    def __getitem__(self, i):
        return self.c[i]

    def __iter__(self):
        return iter(self.c)

    def __repr__(self):
        return f'Vec{self.c}'


v = Vec(1, 2) + Vec(3, 4)
print(v, len(v), v[0], list(v))
