async def f():
    return [await x = 1]
