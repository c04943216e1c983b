import asyncio


async def val(x):
    return x


async def main():
    a = await val(1) + await val(2)
    b = [await val(i) for i in range(2)]
    c = {'k': await val(3)}
    if await val(True):
        d = await val('yes')
    return a, b, c, d


print(asyncio.run(main()))
