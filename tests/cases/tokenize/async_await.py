async def main():
    async with a as b:
        async for x in y:
            await z
    return [i async for i in aiter()]
