class Tick:
    def __await__(self):
        yield "tick"

async def leaf(name):
    try:
        await Tick()
    finally:
        print("  leaf finally", name)

async def top(name):
    try:
        await leaf(name)
    finally:
        print("  top finally", name)

c = top("a")
c.send(None)
print("dropping a")
del c
print("dropped a")

def scope():
    c = top("b")
    c.send(None)
    print("leaving scope")

scope()
print("after scope")

async def stubborn():
    try:
        await Tick()
    except GeneratorExit:
        await Tick()

s = stubborn()
s.send(None)
s = None
print("after stubborn")

async def raiser():
    try:
        await Tick()
    finally:
        raise KeyError("in finally")

r = raiser()
r.send(None)
r = 1
print("after raiser")

async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("  agen finally")

g = agen()
try:
    g.__anext__().send(None)
except StopIteration as e:
    print("first", e.value)
g = None
print("after agen")

kept = top("kept")
kept.send(None)
never = top("never")
print("end")

async def agen_stubborn():
    while True:
        try:
            yield 1
        except GeneratorExit:
            print("  agen ignoring exit")

st = agen_stubborn()
try:
    st.__anext__().send(None)
except StopIteration as e:
    print("stubborn first", e.value)
