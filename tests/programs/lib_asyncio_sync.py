import asyncio


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print("put", i)
    await q.put(None)


async def consumer(q, out):
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            break
        out.append(item * 10)
        print("got", item)


async def main():
    q = asyncio.Queue(maxsize=2)
    out = []
    await asyncio.gather(producer(q, 5), consumer(q, out))
    print(out, q.empty(), q.qsize())
    await q.join()

    ev = asyncio.Event()

    async def waiter(i):
        await ev.wait()
        print("waiter", i, "woke")

    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print("is_set", ev.is_set())
    ev.set()
    await asyncio.gather(*ws)

    lock = asyncio.Lock()
    shared = []

    async def critical(i):
        async with lock:
            shared.append(("in", i))
            await asyncio.sleep(0)
            shared.append(("out", i))

    await asyncio.gather(*(critical(i) for i in range(3)))
    print(shared)
    print("locked", lock.locked())

    sem = asyncio.Semaphore(2)
    active = 0
    peak = 0

    async def limited(i):
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.01)
            active -= 1
        return i

    print(await asyncio.gather(*(limited(i) for i in range(5))), "peak", peak)

    cond = asyncio.Condition()
    box = []

    async def cons():
        async with cond:
            await cond.wait_for(lambda: box)
            print("condition got", box.pop())

    c = asyncio.create_task(cons())
    await asyncio.sleep(0)
    async with cond:
        box.append("item")
        cond.notify()
    await c

    pq = asyncio.PriorityQueue()
    for x in [5, 1, 3]:
        pq.put_nowait(x)
    print([pq.get_nowait() for _ in range(3)])
    lq = asyncio.LifoQueue()
    for x in "abc":
        await lq.put(x)
    print([await lq.get() for _ in range(3)])
    try:
        asyncio.Queue().get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")


asyncio.run(main())
