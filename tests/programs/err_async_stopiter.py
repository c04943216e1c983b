async def f():
    raise StopIteration("early")

async def g():
    return await f()

g().send(None)
