class Counter:
    def __aiter__(self):
        return self
    async def __anext__(self):
        raise KeyError("from anext")

async def loop():
    async for x in Counter():
        print(x)

loop().send(None)
