def f():
    pass


def g():
    ...


class C:
    pass


class D:
    ...


for _ in []:
    pass
while False:
    pass
if True:
    pass
try:
    pass
except Exception:
    pass
with open(__file__):
    pass
print(f(), g(), C, D)
