def f(a, /, b, *, c, d=1, **e): pass
def g(*args: *Ts): pass
def h(a: int = 1, *b: str, c: "x" = 2) -> None: pass
async def agen():
    return [x async for x in y if await z]
    yield
    yield from g
    await asyncio.sleep(1)
    async with a as (b, c), d as [e, f]:
        pass
x = [y := 1, y ** 2]
print(*args, sep='', **kw)
f(a)(b)[c].d
x[1:2][::][a, b:c, ...]
nonlocal_ = lambda *a, **k: (a, k)
class A:
    x: int
    y: list[int] = []
    def __init__(self): self.z = 1; return None
@property
@functools.wraps(f)
class B(A, *bases, **kw): ...
if a: b
elif c: d
else: e
for x in 1, 2, *rest: pass
while (n := next(it)) is not None: pass
try: pass
except (A, B) as e: raise C from e
try:
    pass
except* ValueError as eg:
    pass
except* (TypeError, KeyError):
    pass
with open(a) as f, open(b) as g: pass
with (yield): pass
with (a, b) as c: pass
with (a for a in b): pass
del (a), [b], c.d, e[f]
a, *b = c
[a, b] = c = d
a.b: int
(a): int = 1
x = not a
x = a if b else c if d else e
x = (1)
x = ((1, 2))
x = -1 ** 2 + ~x
x = a is not b and c not in d
global a, b
import a.b.c as d, e
from .a.b import (c)
assert isinstance(x, int), f"bad {x!r}"
x = 1_000.5e-3 + 0.5j + 1E10 + 0XFF + 0o777 + 0B1 + 00 + 1.
x = 12345678901234567890123456789
x = {**a, 'b': 1, **c}
x = {*a, *b}
x = [*a]
x = *a, *b
x = yield a, b
lambda: (yield)
print(f"{x}" "y" f"{z}")
