import asyncio


async def work(n):
    await asyncio.sleep(0)
    return n * n


async def main():
    results = await asyncio.gather(*(work(i) for i in range(4)))
    async def inner():
        return sum(results)
    return results, await inner()


print(asyncio.run(main()))
