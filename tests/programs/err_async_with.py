class CM:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        print("exit sees", exc[0].__name__)
        return False

async def f():
    async with CM():
        raise IndexError("inside")

f().send(None)
