import asyncio


async def worker(name, n, log):
    for i in range(n):
        log.append(f"{name}{i}")
        await asyncio.sleep(0)
    return n


async def failing():
    await asyncio.sleep(0)
    raise ValueError("boom")


async def forever():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("forever cancelled")
        raise


async def main():
    log = []
    t1 = asyncio.create_task(worker("a", 3, log), name="first")
    t2 = asyncio.create_task(worker("b", 2, log))
    print(t1.get_name(), t1.done())
    print(await t1, await t2)
    print(log)
    try:
        await asyncio.gather(worker("c", 1, log), failing())
    except ValueError as e:
        print("gather raised", repr(e))
    res = await asyncio.gather(failing(), worker("d", 1, log), return_exceptions=True)
    print(res)
    t = asyncio.create_task(forever())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("caught cancel", t.cancelled())
    t = asyncio.create_task(failing())
    await asyncio.sleep(0.01)
    print(t.done(), repr(t.exception()))
    done, pending = await asyncio.wait([asyncio.create_task(worker("e", 1, log))])
    print(len(done), len(pending))
    for coro in asyncio.as_completed([asyncio.sleep(0.03, "slow"), asyncio.sleep(0.01, "fast")]):
        print("as_completed", await coro)
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(worker("g", 2, log))
        b = tg.create_task(worker("h", 1, log))
    print("taskgroup", a.result(), b.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing())
            tg.create_task(forever())
    except* ValueError as eg:
        print("taskgroup error", eg.exceptions)
    r = await asyncio.shield(worker("s", 1, log))
    print("shield", r)
    print(asyncio.current_task().get_name() is not None)
    print(len(asyncio.all_tasks()))


asyncio.run(main())
