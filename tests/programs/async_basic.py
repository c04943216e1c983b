import sys

async def add(a, b):
    return a + b

c = add(1, 2)
print(type(c).__name__, c.__name__, c.__qualname__)
print(c.cr_running, c.cr_await, c.cr_suspended)
print(c.cr_code.co_name)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
print(c.cr_suspended)

class Sleep:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        for i in range(self.n):
            r = yield ("sleep", i)
            print("  woke with", r)
        return self.n * 10

async def worker(name, n):
    print(name, "start")
    total = 0
    for i in range(n):
        total += await Sleep(2)
    print(name, "done", total)
    return total

async def main():
    a = await worker("a", 1)
    b = await worker("b", 2)
    return a + b

coro = main()
step = 0
while True:
    try:
        y = coro.send(step if step else None)
        print("yielded", y, "await:", type(coro.cr_await).__name__)
        step += 1
    except StopIteration as e:
        print("main returned", e.value)
        break

def run(coros):
    tasks = list(coros)
    results = {}
    while tasks:
        t = tasks.pop(0)
        try:
            t.send(None)
            tasks.append(t)
        except StopIteration as e:
            results[t.__name__] = e.value
    return results

async def count(n):
    s = 0
    for i in range(n):
        await Sleep(1)
        s += i
    return s

print(run([count(3), count(5)]))

async def fails():
    await Sleep(1)
    raise ValueError("boom")

f = fails()
f.send(None)
try:
    f.send(None)
except ValueError as e:
    print("caught", repr(e))

async def guarded():
    try:
        await Sleep(3)
    except KeyError as e:
        print("guarded got", repr(e))
        return "recovered"
    finally:
        print("finally runs")

g = guarded()
print(g.send(None))
try:
    g.throw(KeyError("k"))
except StopIteration as e:
    print("stop", e.value)

g = guarded()
g.send(None)
g.close()
print("closed", g.cr_await)

async def noop():
    pass
n = noop()
w = n.__await__()
print(type(w).__name__)
try:
    next(w)
except StopIteration:
    print("wrapper done")
print(repr(c).split(" at ")[0])
