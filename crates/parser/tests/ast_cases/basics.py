import os, sys as system
from . import a
from ..pkg.mod import (b as c, d,)
from ... import e
x = 1
y: int = 2
z += 3
a.b[c] = d = e
del a, b[1], c.d
def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:
    "doc"
    return a + b
async def g():
    await x
    async for i in y:
        pass
    async with a as b, c:
        pass
class C(B, metaclass=M):
    pass
@dec
@dec2(1)
def h(): ...
lambda: 0
lambda x, *y, z=1, **w: x
if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
while x:
    break
else:
    continue
for i, j in k:
    pass
try:
    pass
except E as e:
    pass
except:
    pass
else:
    pass
finally:
    pass
try:
    pass
except* E:
    pass
with (a as b, c as d):
    pass
with (a, b):
    pass
with (a):
    pass
with (a) as b:
    pass
global q
assert x, "m"
raise E from F
raise
x = [1, 2, *a]
y = {1: 2, **d}
z = {1, 2, *s}
t = (1,)
u = ()
v = 1,
w = a if b else c
n = not a and b or c
m = a < b <= c is not d not in e
o = -a ** -b
p = a @ b // c % d << e >> f & g ^ h | i
q = [i for i in range(10) if i if j for k in l]
r = {k: v for k, v in d}
s = {i for i in a}
g = (i for i in a)
f(x for x in y)
f(a, *b, c=1, **d)
a[1:2, ::3, x]
a[*b]
a[:]
a[1:2:3]
(y := 10)
print(f"{x!r:>{w}} {y=} {z:x}" 'tail')
b"bytes" b'\x00\n'
"a" "b" 'c'
u"unicode"
0x1F + 0o17 + 0b101 + 1_000_000 + 1.5e10 + 3j + 10**100
...
None, True, False
x = yield
