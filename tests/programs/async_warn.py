async def f():
    return 1

async def g():
    return 2

def make():
    c = f()
    d = g()
    e = f()
    print("made three")

make()
make()
x = f()
del x
x = g()
x = None
f()
for i in range(3):
    g()
closed = f()
closed.close()
started = f()
try:
    started.send(None)
except StopIteration:
    pass
del started
class Holder:
    pass
h = Holder()
h.c = f()
h = None
kept = g()
lst = [f()]
print("end")
