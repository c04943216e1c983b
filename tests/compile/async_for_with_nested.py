import asyncio


class AIter:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


class ACM:
    async def __aenter__(self):
        return 'cm'

    async def __aexit__(self, *a):
        return False


async def main():
    out = []
    async with ACM() as a, ACM() as b:
        async for x in AIter(3):
            if x == 1:
                continue
            out.append((a, b, x))
        else:
            out.append('else')
    return out


print(asyncio.run(main()))
