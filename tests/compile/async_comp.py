async def agen():
    for i in range(3):
        yield i


async def main():
    a = [x async for x in agen()]
    b = {x: x async for x in agen() if x}
    c = (x async for x in agen())
    return a, b, [y async for y in c]


import asyncio
print(asyncio.run(main()))
