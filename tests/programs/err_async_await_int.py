async def inner():
    await 1

async def outer():
    await inner()

c = outer()
c.send(None)
