async def f():
    return 1

c = f()
try:
    c.send(None)
except StopIteration:
    print("first ok")
c.send(None)
