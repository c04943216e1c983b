import asyncio


class ACM:
    async def __aenter__(self):
        return 5

    async def __aexit__(self, *exc):
        return False


async def f():
    async with ACM() as v:
        return v * 2


async def g():
    for i in range(3):
        async with ACM():
            if i == 1:
                break
    return i


print(asyncio.run(f()), asyncio.run(g()))
