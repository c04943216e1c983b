async def agen():
    yield 1
    1 / 0

async def consume():
    async for x in agen():
        print("got", x)

consume().send(None)
