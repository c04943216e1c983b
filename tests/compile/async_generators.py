import asyncio


async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def main():
    total = 0
    async for v in agen(4):
        total += v
    squares = [v * v async for v in agen(3)]
    return total, squares


print(asyncio.run(main()))
