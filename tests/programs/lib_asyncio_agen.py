import asyncio


async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


class Resource:
    async def __aenter__(self):
        print("enter")
        await asyncio.sleep(0)
        return self

    async def __aexit__(self, *exc):
        print("exit", exc[0])
        return False


class Counter:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await asyncio.sleep(0)
        return self.n


async def main():
    async for i in ticker(3):
        print("tick", i)
    print([x async for x in ticker(4)])
    async with Resource() as r:
        print("inside", type(r).__name__)
    try:
        async with Resource():
            raise KeyError("k")
    except KeyError:
        print("KeyError passed through")
    async for v in Counter(3):
        print("counter", v)
    agen = ticker(10)
    async for i in agen:
        if i == 2:
            break
    await agen.aclose()
    print("closed")


asyncio.run(main())
