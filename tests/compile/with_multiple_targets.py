class CM:
    def __init__(self, v):
        self.v = v

    def __enter__(self):
        return (self.v, self.v * 2)

    def __exit__(self, t, v, tb):
        return t is KeyError


with CM(1) as (a, b):
    print(a, b)
with CM(2) as t, CM(3) as u:
    print(t, u)
with CM(4):
    raise KeyError('suppressed')
print('after')
