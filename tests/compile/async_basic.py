import asyncio


async def fetch(x):
    await asyncio.sleep(0)
    return x * 2


async def main():
    r = await fetch(3)
    results = [await fetch(i) for i in range(3)]
    async with Lock() as l:
        print(l)
    async for item in agen():
        print(item)
    return r, results


async def agen():
    yield 1
    yield 2


class Lock:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *a):
        return False


print(asyncio.run(main()))
