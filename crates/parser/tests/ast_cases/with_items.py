# No `match` or `case` name here: only the `with` keywords are looked at.
with (a, b):
    pass
with (a as b, c as d,):
    pass
with (open(x)) as f, (y):
    pass
with (g for g in z):
    pass
with (a, b) as c:
    pass
async def f():
    async with (a as b):
        with (c):
            pass
