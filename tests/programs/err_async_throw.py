class Tick:
    def __await__(self):
        yield "tick"

async def leaf():
    await Tick()

async def middle():
    try:
        await leaf()
    finally:
        print("middle finally")

async def top():
    await middle()

c = top()
print(c.send(None))
c.throw(ValueError("thrown in"))
