import asyncio


async def slow(x):
    await asyncio.sleep(1)
    return x


async def quick(x):
    await asyncio.sleep(0)
    return x


async def main():
    try:
        await asyncio.wait_for(slow(1), timeout=0.02)
    except asyncio.TimeoutError as e:
        print("wait_for timed out", type(e).__name__, isinstance(e, TimeoutError))
    print(await asyncio.wait_for(quick(2), timeout=1))
    try:
        async with asyncio.timeout(0.02):
            await slow(3)
    except TimeoutError:
        print("timeout() fired")
    async with asyncio.timeout(None) as cm:
        print("no deadline", cm.when())
        await quick(4)
    done, pending = await asyncio.wait(
        [asyncio.create_task(slow(5)), asyncio.create_task(quick(6))],
        timeout=0.05,
    )
    print(len(done), len(pending), [t.result() for t in done])
    for t in pending:
        t.cancel()
    await asyncio.sleep(0)
    loop = asyncio.get_running_loop()
    handle = loop.call_later(10, print, "never")
    handle.cancel()
    print("handle cancelled", handle.cancelled())
    t0 = loop.time()
    await asyncio.sleep(0.03)
    print("elapsed ok", loop.time() - t0 >= 0.02)


asyncio.run(main())
