class Tick:
    def __await__(self):
        yield "tick"

async def pending():
    try:
        await Tick()
    finally:
        print("pending closed at exit")

async def never():
    pass

p = pending()
p.send(None)
n = never()
def helper():
    c = never()
    raise ValueError("helper failed")
helper()
