import select
import os
from xml.parsers import expat

# select() fills C fd_sets: descriptors from FD_SETSIZE up are refused, and
# so is a list of more entries than a set holds.
r, w = os.pipe()
for lists in ([[5000], [], []], [[], [r, 1 << 20], []], [[r] * 1025, [], []], [[r] * 10, [w], []]):
    try:
        ready = select.select(*lists, 0)
        print("ready", [len(x) for x in ready])
    except ValueError as e:
        print("ValueError", e)
for bad in ([-1], ["x"], 7):
    try:
        select.select(bad, [], [], 0)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
os.close(r)
os.close(w)

# xmlparser.SetBase takes a str only.
p = expat.ParserCreate()
print(p.SetBase("base.xml"), p.GetBase())
for value in (b"base.xml", None, 12, "nul\0inside"):
    try:
        p.SetBase(value)
        print("taken", p.GetBase())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(p.GetBase())

# A list is walked with its length read at every step, so one that grows on
# every fileno() runs into the bound instead of ending.
r, w = os.pipe()


class Grows:
    def __init__(self, into):
        self.into = into

    def fileno(self):
        self.into.append(self)
        return r


elements = []
elements.append(Grows(elements))
try:
    select.select(elements, [], [], 0)
except ValueError as e:
    print("ValueError", e, len(elements))
# A tuple or another iterable is read once, up front.
print([len(x) for x in select.select((r,), iter([w]), [], 0)])
os.close(r)
os.close(w)
