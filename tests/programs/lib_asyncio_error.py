import asyncio


async def inner():
    await asyncio.sleep(0)
    raise RuntimeError("inner failed")


async def awaited_task():
    t = asyncio.create_task(inner())
    try:
        await t
    except RuntimeError as e:
        import os
        import traceback
        for f in traceback.extract_tb(e.__traceback__):
            print(os.path.basename(f.filename), f.name, f.line)


async def main():
    print("running")
    await awaited_task()
    await inner()


asyncio.run(main())
