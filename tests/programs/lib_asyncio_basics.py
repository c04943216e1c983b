import asyncio


async def greet(name, delay):
    await asyncio.sleep(delay)
    print("hello", name)
    return name.upper()


async def main():
    print("start")
    r = await greet("world", 0)
    print("got", r)
    results = await asyncio.gather(greet("a", 0.02), greet("b", 0.01), greet("c", 0))
    print(results)
    loop = asyncio.get_running_loop()
    print(type(loop).__name__, loop.is_running())
    fut = loop.create_future()
    loop.call_soon(fut.set_result, 42)
    print("future", await fut)
    order = []
    loop.call_later(0.02, order.append, "later")
    loop.call_soon(order.append, "soon")
    await asyncio.sleep(0.05)
    print(order)
    c = greet("x", 0)
    print(asyncio.iscoroutinefunction(greet), asyncio.iscoroutine(c))
    c.close()
    return "done"


print(asyncio.run(main()))
print(asyncio.run(greet("again", 0)))
